package io.beacon.event.ingest.application;

import io.beacon.cmdb.application.AddressesClaimed;
import io.beacon.cmdb.domain.NetworkAddresses;
import io.beacon.event.ingest.domain.CiLocator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The CMDB's addresses and host names in memory, so that attributing an event to its CI costs a
 * hash look-up, never a query. Rebuilt whole when the CMDB's stamp moves (checked every few
 * seconds by {@link CiIndexRefresher}); readers see one consistent snapshot at a time.
 */
@ApplicationScoped
public class CiIndex implements CiLocator {
    private static final Logger LOG = Logger.getLogger(CiIndex.class.getName());

    @Inject
    CiSnapshotSource source;

    @Inject
    Event<AddressesClaimed> claimed;

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), Map.of(), "");

    record Snapshot(Map<String, Long> byIp, Map<String, Long> byHost, Map<String, Long> byShortHost,
            Map<Long, String> names, String stamp) {}

    /** Reloads when the CMDB changed since the last load; answers whether it did. */
    @Transactional
    public boolean refreshIfChanged() {
        String stamp = source.stamp();
        if (stamp.equals(snapshot.stamp())) {
            return false;
        }
        long begin = System.nanoTime();
        Snapshot before = snapshot;
        snapshot = build(source.load(), stamp);
        if (!before.stamp().isEmpty()) {
            claimsBetween(before, snapshot).forEach(claimed::fire);
        }
        LOG.fine(() -> "CI index: " + snapshot.names().size() + " CIs in " + (System.nanoTime() - begin) / 1_000_000 + " ms");
        return true;
    }

    static Snapshot build(List<CiSnapshotSource.CiAddressRow> rows, String stamp) {
        Map<String, Long> byIp = new HashMap<>(rows.size() * 2);
        Map<String, Long> byHost = new HashMap<>(rows.size() * 2);
        Map<String, Long> byShort = new HashMap<>(rows.size() * 2);
        Map<Long, String> names = new HashMap<>(rows.size() * 2);
        for (CiSnapshotSource.CiAddressRow r : rows) {
            names.put(r.id(), r.name());
            byHost.putIfAbsent(r.name().toLowerCase(Locale.ROOT), r.id());
            if (r.hostname() != null && !r.hostname().isBlank()) {
                String host = r.hostname().toLowerCase(Locale.ROOT);
                byHost.put(host, r.id());
                byShort.putIfAbsent(shortName(host), r.id());
            }
            for (String ip : r.ips()) {
                NetworkAddresses.normaliseIp(ip).ifPresent(n -> byIp.putIfAbsent(n, r.id()));
            }
        }
        return new Snapshot(Map.copyOf(byIp), Map.copyOf(byHost), Map.copyOf(byShort), Map.copyOf(names), stamp);
    }

    /**
     * Until the CMDB view fires {@link AddressesClaimed} itself after each write (issue 14), the
     * index tells what a reload gave CIs that they did not have: once it answers with them.
     */
    static List<AddressesClaimed> claimsBetween(Snapshot before, Snapshot after) {
        Map<Long, Set<String>> ips = new HashMap<>();
        Map<Long, Set<String>> hosts = new HashMap<>();
        after.byIp().forEach((ip, id) -> {
            if (!id.equals(before.byIp().get(ip))) {
                ips.computeIfAbsent(id, k -> new TreeSet<>()).add(ip);
            }
        });
        after.byHost().forEach((host, id) -> {
            if (!id.equals(before.byHost().get(host))) {
                hosts.computeIfAbsent(id, k -> new TreeSet<>()).add(host);
            }
        });
        Set<Long> ids = new TreeSet<>(ips.keySet());
        ids.addAll(hosts.keySet());
        return ids.stream().map(id -> new AddressesClaimed(id, after.names().get(id), ips.getOrDefault(id, Set.of()),
                hosts.getOrDefault(id, Set.of()))).toList();
    }

    private static String shortName(String host) {
        int dot = host.indexOf('.');
        return dot > 0 ? host.substring(0, dot) : host;
    }

    @Override
    public Optional<Long> byIp(String ip) {
        Snapshot s = snapshot;
        Long id = s.byIp().get(ip);
        if (id == null) {
            id = NetworkAddresses.normaliseIp(ip).map(s.byIp()::get).orElse(null);
        }
        return Optional.ofNullable(id);
    }

    @Override
    public Optional<Long> byHostOrName(String host) {
        Snapshot s = snapshot;
        String h = host.trim().toLowerCase(Locale.ROOT);
        Long id = s.byHost().get(h);
        if (id == null && NetworkAddresses.normaliseIp(h).isEmpty()) {
            id = s.byShortHost().get(shortName(h));
        }
        return Optional.ofNullable(id);
    }

    @Override
    public String nameOf(long ciId) {
        return snapshot.names().get(ciId);
    }

    public int size() {
        return snapshot.names().size();
    }
}
