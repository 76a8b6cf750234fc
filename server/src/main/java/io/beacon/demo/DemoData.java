package io.beacon.demo;

import io.beacon.identity.application.NewContact;
import io.beacon.identity.application.NewUser;
import io.beacon.identity.application.OrganisationService;
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
    OrganisationService organisations;

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
        organisations();
        cmdb.load();
        tickets.load();
        changeTemplates.load();
        LOG.info("Demo data loaded: users agent, agent2, approver, requester, monitor (password <name>"
                + DEMO_PASSWORD_SUFFIX + "), two organisations with their people, a small topology, tickets and two"
                + " standard-change templates");
    }

    /** Two customer organisations with their people; the demo requester works at the first. */
    private void organisations() {
        var hanbit = organisations.create("한빛전자 (Hanbit Electronics)");
        var harbor = organisations.create("Blue Harbor Logistics");
        organisations.changeContact("requester", java.util.Optional.of(String.valueOf(hanbit.getId())),
                java.util.Optional.of("+82 2-555-0101"));
        organisations.createContact(new NewContact("최유나", "yuna.choi@hanbit.example", "+82 2-555-0102",
                String.valueOf(hanbit.getId())));
        organisations.createContact(new NewContact("정도윤", "doyun.jung@hanbit.example", null,
                String.valueOf(hanbit.getId())));
        organisations.createContact(new NewContact("Maria Lopez", "maria.lopez@blueharbor.example", "+1 555 0134",
                String.valueOf(harbor.getId())));
        organisations.createContact(new NewContact("Tom Becker", "tom.becker@blueharbor.example", null,
                String.valueOf(harbor.getId())));
    }

    private void user(String name, String display, String email, String locale, String role) {
        userService.create(new NewUser(name, name + DEMO_PASSWORD_SUFFIX, display, email, List.of(role), locale,
                "Asia/Seoul"));
    }
}
