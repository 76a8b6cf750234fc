package io.beacon.demo;

import io.beacon.identity.application.NewUser;
import io.beacon.identity.application.UserService;
import io.beacon.identity.domain.Users;
import io.beacon.platform.startup.DemoDataLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;

/**
 * Loads the demo data set once (skipped when its users exist already). The demo users' passwords
 * are documented in the README; they exist only when demo data is asked for.
 */
@ApplicationScoped
public class DemoData implements DemoDataLoader {
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    static final String DEMO_PASSWORD_SUFFIX = "-demo-pass";

    @Inject
    UserService userService;

    @Inject
    Users users;

    @Inject
    DemoCmdb cmdb;

    @Inject
    DemoTickets tickets;

    @Inject
    DemoChangeTemplates changeTemplates;

    @Override
    @Transactional
    public void load() {
        if (users.byUsername("agent").isPresent()) {
            LOG.info("Demo data present already");
            return;
        }
        user("agent", "김민수 (Agent)", "agent@beacon.example", "ko", "agent");
        user("agent2", "Jane Park (Agent)", "jane@beacon.example", "en", "agent");
        user("approver", "이서연 (Approver)", "approver@beacon.example", "ko", "approver");
        user("requester", "박지훈 (Requester)", "requester@beacon.example", "ko", "requester");
        user("monitor", "Prometheus Alertmanager", null, "en", "integration");
        userService.createGroup("Service Desk", "First-line support", "agent", List.of("agent2"));
        userService.createGroup("Network Operations", "Switches, routers, firewalls", "agent2", List.of());
        userService.createGroup("CAB", "Change advisory board", "approver", List.of("admin"));
        cmdb.load();
        tickets.load();
        changeTemplates.load();
        LOG.info("Demo data loaded: users agent, agent2, approver, requester, monitor (password <name>"
                + DEMO_PASSWORD_SUFFIX + "), a small topology, tickets and two standard-change templates");
    }

    private void user(String name, String display, String email, String locale, String role) {
        userService.create(new NewUser(name, name + DEMO_PASSWORD_SUFFIX, display, email, List.of(role), locale,
                "Asia/Seoul"));
    }
}
