package io.beacon.demo;

import io.beacon.cmdb.application.CmdbService;
import io.beacon.cmdb.domain.CiInput;
import io.beacon.cmdb.domain.CiType;
import io.beacon.cmdb.domain.ConfigurationItems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The demo topology: a core switch on a UPS, two distribution switches, a firewall, the servers of
 * the groupware and the e-mail service that depends on it, so that "what does a failed switch hurt"
 * has a real answer. Skipped when {@code core-sw-01} exists already.
 */
@ApplicationScoped
public class DemoCmdb {
    private static final Logger LOG = Logger.getLogger(DemoCmdb.class.getName());
    static final String NETWORK = "Network Operations";
    static final String DESK = "Service Desk";

    @Inject
    CmdbService cmdb;

    @Inject
    ConfigurationItems items;

    @Transactional
    public void load() {
        if (items.idByName("core-sw-01").isPresent()) {
            LOG.info("Demo CMDB present already");
            return;
        }
        ci("ups-01", CiType.UPS, null, List.of(), "UPS of the server room", Map.of("vendor", "APC", "rack", "A1"));
        ci("core-sw-01", CiType.SWITCH, "core-sw-01.beacon.example", List.of("10.0.0.1"), "Core switch",
                Map.of("vendor", "Cisco", "model", "C9500", "rack", "A1"));
        ci("dist-sw-01", CiType.SWITCH, "dist-sw-01.beacon.example", List.of("10.0.0.2"),
                "Distribution switch, server VLAN", Map.of("vendor", "Cisco", "rack", "A2"));
        ci("dist-sw-02", CiType.SWITCH, "dist-sw-02.beacon.example", List.of("10.0.0.3"),
                "Distribution switch, DMZ", Map.of("vendor", "Cisco", "rack", "A3"));
        ci("fw-01", CiType.FIREWALL, "fw-01.beacon.example", List.of("10.0.0.254"), "Internet firewall",
                Map.of("vendor", "Fortinet"));
        ci("db-01", CiType.DATABASE, "db-01.beacon.example", List.of("10.0.10.21"), "MariaDB database server",
                Map.of("engine", "MariaDB", "os", "Debian 12"));
        ci("mail-01", CiType.SERVER, "mail-01.beacon.example", List.of("10.0.10.11"), "Mail and groupware server",
                Map.of("os", "Debian 12"));
        ci("web-01", CiType.SERVER, "web-01.beacon.example", List.of("10.0.20.11", "2001:db8:20::11"),
                "Public web server", Map.of("os", "Debian 12"));
        ci("app-groupware", CiType.APPLICATION, null, List.of(), "그룹웨어 (Groupware)", Map.of());
        ci("svc-email", CiType.SERVICE, null, List.of(), "사내 메일 서비스", Map.of("sla", "99.9%"));

        relate("core-sw-01", "depends_on", "ups-01");
        relate("dist-sw-01", "connected_to", "core-sw-01");
        relate("dist-sw-02", "connected_to", "core-sw-01");
        relate("fw-01", "connected_to", "core-sw-01");
        relate("db-01", "connected_to", "dist-sw-01");
        relate("mail-01", "connected_to", "dist-sw-01");
        relate("web-01", "connected_to", "dist-sw-02");
        relate("app-groupware", "runs_on", "mail-01");
        relate("app-groupware", "depends_on", "db-01");
        relate("svc-email", "depends_on", "app-groupware");
        LOG.info("Demo CMDB loaded: 10 CIs from core-sw-01 to svc-email");
    }

    private void ci(String name, CiType type, String hostname, List<String> ips, String description,
            Map<String, String> attributes) {
        String owner = type.isNetworkDevice() ? NETWORK : DESK;
        cmdb.create(new CiInput(name, type.code(), hostname, ips, owner, description, attributes));
    }

    private void relate(String source, String type, String target) {
        cmdb.relate(source, type, null, target);
    }
}
