package io.beacon.event.ingest.application;

import io.beacon.cmdb.application.CmdbView;
import io.beacon.event.ingest.domain.CiLocator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Attribution reads the CMDB view: it holds every committed CMDB write before its writer got an answer. */
@ApplicationScoped
public class CmdbCiLocator implements CiLocator {
    @Inject
    CmdbView cmdb;

    @Override
    public Optional<Long> byIp(String ip) {
        return cmdb.ciByIp(ip);
    }

    @Override
    public Optional<Long> byHostOrName(String host) {
        return cmdb.ciByHostOrName(host);
    }

    @Override
    public String nameOf(long ciId) {
        return cmdb.nameOf(ciId);
    }
}
