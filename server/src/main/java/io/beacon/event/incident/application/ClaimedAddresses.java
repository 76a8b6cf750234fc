package io.beacon.event.incident.application;

import io.beacon.cmdb.application.AddressesClaimed;
import io.beacon.correlation.application.CorrelationEngine;
import io.beacon.event.alarm.application.AlarmWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * CIs claimed addresses or host names: the alarms that arrived from them while no CI owned them
 * move onto their CI, on the alarm writer's thread (a command, in order with the events), and
 * correlation learns where they are now once that is committed. The claims waiting when the
 * command runs are handled together: an import of 200 CIs is one query and one transaction ahead
 * of the events behind it, not 200.
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

    private final ConcurrentLinkedQueue<AddressesClaimed> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean commandQueued = new AtomicBoolean();

    void onClaim(@Observes AddressesClaimed claim) {
        if (claim.addressesAndHosts().isEmpty()) {
            return;
        }
        waiting.add(claim);
        if (commandQueued.compareAndSet(false, true)) {
            try {
                writer.submit(this::moveWaiting);
            } catch (RuntimeException busy) {
                commandQueued.set(false); // the next claim tries again, and takes this one along
                throw busy;
            }
        }
    }

    private void moveWaiting() {
        commandQueued.set(false); // a claim arriving from here on queues the next command (or is taken now)
        List<AddressesClaimed> claims = new ArrayList<>();
        for (AddressesClaimed c = waiting.poll(); c != null; c = waiting.poll()) {
            claims.add(c);
        }
        if (claims.isEmpty()) {
            return;
        }
        List<IncidentActions.Moved> moved = actions.moveOntoCis(claims);
        for (IncidentActions.Moved m : moved) {
            correlation.reattribute(m.alarmId(), m.reductionKey(), m.ciId(), m.label());
        }
        if (!moved.isEmpty()) {
            LOG.info(moved.size() + " alarm(s) moved onto the CIs that claimed their addresses (" + claims.size()
                    + " claim(s))");
        }
    }
}
