package io.beacon.event.ingest.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A tiny CMDB for normalisation tests. */
public final class FakeCis implements CiLocator {
    private final Map<String, Long> ips = new HashMap<>();
    private final Map<String, Long> hosts = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();

    public FakeCis ci(long id, String name, String host, String... addresses) {
        names.put(id, name);
        hosts.put(name, id);
        if (host != null) {
            hosts.put(host, id);
        }
        for (String a : addresses) {
            ips.put(a, id);
        }
        return this;
    }

    @Override
    public Optional<Long> byIp(String ip) {
        return Optional.ofNullable(ips.get(ip));
    }

    @Override
    public Optional<Long> byHostOrName(String host) {
        return Optional.ofNullable(hosts.get(host.toLowerCase()));
    }

    @Override
    public String nameOf(long ciId) {
        return names.get(ciId);
    }
}
