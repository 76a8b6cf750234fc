package io.beacon.event.pipeline;

import io.beacon.event.EventSettings;
import io.beacon.event.alarm.application.EventBatchWriter;
import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import io.beacon.event.ingest.application.Attributor;
import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.UserTransaction;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Before Beacon reports ready, the event writer rehearses an alarm storm inside transactions that
 * are rolled back: new alarms, then repeats folding into them, as devices send when the network
 * comes back. The first real storm after a restart then meets loaded classes, parsed queries and
 * compiled code instead of an interpreter (cold, the first batches wrote several times slower than
 * warm ones and every incident of the storm waited behind them). Nothing of the rehearsal stays:
 * no alarm, no event, no incident; only unused row ids are skipped. Attribution runs too (the CMDB
 * view is only read); correlation and tickets do not take part, as both would remember it.
 */
@ApplicationScoped
public class WriterRehearsal {
    private static final Logger LOG = Logger.getLogger(WriterRehearsal.class.getName());
    /** Distinct rehearsal devices: the storm's new alarms, each then repeated. */
    static final int DEVICES = 200;

    @Inject
    EventSettings settings;

    @Inject
    Attributor attribution;

    @Inject
    EventBatchWriter writer;

    @Resource
    UserTransaction transaction;

    /** Before the pipeline starts taking events ({@code InProcessEventQueue} starts at 200). */
    void rehearse(@Observes @Priority(190) StartupEvent started) {
        int total = settings.rehearsalEvents();
        if (total == 0) {
            return;
        }
        long began = System.nanoTime();
        int batch = Math.min(settings.batchSize(), Math.max(DEVICES, total / 3));
        int written = 0;
        try {
            for (int round = 0; written < total; round++) {
                // A round: the first batch raises the alarms, the next ones fold repeats into them.
                transaction.begin();
                try {
                    for (int b = 0; b < 3 && written < total; b++) {
                        int n = Math.min(batch, total - written);
                        writer.write(attribution.attribute(storm(round, n)));
                        written += n;
                    }
                } finally {
                    transaction.rollback();
                }
            }
            LOG.info("The event writer rehearsed a storm of " + written + " events (rolled back) in "
                    + (System.nanoTime() - began) / 1_000_000 + " ms");
        } catch (Exception e) {
            // Only the first storm is slower without it: never a reason not to start.
            LOG.log(Level.WARNING, "The event writer's rehearsal failed; the first storm meets a cold writer", e);
        }
    }

    /** Trap-like events from documentation addresses (RFC 5737), which no CI of a real network claims. */
    static List<NormalisedEvent> storm(int round, int n) {
        Instant now = Instant.now();
        List<NormalisedEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String device = "198.51.100." + (i % DEVICES);
            events.add(NormalisedEvent.unattributed(now, EventSource.SNMP, EventKind.PROBLEM, "linkDown",
                    Severity.MAJOR, "rehearsal:linkDown:" + NormalisedEvent.WHERE + ":" + round, null, device,
                    "Interface 3 down on " + NormalisedEvent.WHERE,
                    Map.of("ifIndex", "3", "ifDescr", "ge-0/0/3", "sequence", String.valueOf(i)), List.of()));
        }
        return events;
    }
}
