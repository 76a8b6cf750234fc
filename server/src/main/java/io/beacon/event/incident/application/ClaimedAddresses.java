package io.beacon.event.incident.application;

import io.beacon.cmdb.application.AddressesClaimed;
import io.beacon.correlation.application.CorrelationEngine;
import io.beacon.event.alarm.application.AlarmWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A CI claimed addresses or host names: the alarms that arrived from them while no CI owned them
 * move onto it, on the alarm writer's thread (a command, in order with the events), and
 * correlation learns where they are now once that is committed.
 */
@ApplicationScoped
public class ClaimedAddresses {
    private static final Logger LOG = Logger.getLogger(ClaimedAddresses.class.getName());

    @Inject
    AlarmWriter writer;

    @Inject
    IncidentActions actions;

    @Inject
    CorrelationEngine correlation;

    void onClaim(@Observes AddressesClaimed claim) {
        Set<String> where = new HashSet<>();
        if (claim.ips() != null) {
            where.addAll(claim.ips());
        }
        if (claim.hostnames() != null) {
            where.addAll(claim.hostnames());
        }
        if (!where.isEmpty()) {
            writer.submit(() -> moveOnto(claim, where));
        }
    }

    private void moveOnto(AddressesClaimed claim, Set<String> where) {
        List<IncidentActions.Moved> moved = actions.moveOntoCi(claim.ciId(), claim.ciName(), where);
        for (IncidentActions.Moved m : moved) {
            correlation.reattribute(m.alarmId(), m.reductionKey(), m.ciId(), m.label());
        }
        if (!moved.isEmpty()) {
            LOG.info(moved.size() + " alarm(s) moved onto " + claim.ciName() + " (CI " + claim.ciId() + "), which claimed their address");
        }
    }
}
