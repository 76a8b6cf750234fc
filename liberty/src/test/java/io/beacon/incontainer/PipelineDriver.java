package io.beacon.incontainer;

import io.beacon.cmdb.application.CmdbService;
import io.beacon.cmdb.domain.CiInput;
import io.beacon.correlation.application.MaintenanceWindowService;
import io.beacon.correlation.application.NewMaintenanceWindow;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import io.beacon.event.ingest.application.EventQueue;
import io.beacon.event.ingest.application.Submission;
import io.beacon.event.ingest.application.TrapDefinitionCatalog;
import io.beacon.event.ingest.domain.AlertNormaliser;
import io.beacon.event.ingest.domain.AlertmanagerAlert;
import io.beacon.event.ingest.domain.Trap;
import io.beacon.event.ingest.domain.TrapNormaliser;
import io.beacon.event.pipeline.InProcessEventQueue;
import io.beacon.platform.domain.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives the real event pipeline inside the server: the real batch writer, correlator, incident
 * actions and ticket service on the embedded store, with the {@link ControlledClock}. A
 * {@link Scenario} creates its own CIs, puts events in at chosen times ({@code at(60).linkDown(sw, 3)}),
 * and {@code step()} runs the pipeline until it is idle at that time; then the test reads the
 * alarms and incidents as stored ({@link Stored}), as a user would see them.
 *
 * <p>It needs of the pipeline only the {@link EventQueue} port and one hook,
 * {@code InProcessEventQueue.whenCaughtUp()}.
 */
@ApplicationScoped
public class PipelineDriver {
    /** How long one step may take before the test fails (the pipeline is stuck). */
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger SCENARIOS = new AtomicInteger();

    @Inject
    EventQueue queue;

    @Inject
    InProcessEventQueue pipeline;

    @Inject
    TrapDefinitionCatalog definitions;


    @Inject
    CmdbService cmdb;

    @Inject
    MaintenanceWindowService maintenance;

    @Inject
    ControlledClock clock;

    @Inject
    Stored stored;

    /**
     * A new scenario: its own CIs and addresses (10.99.n.x: never sent to, only named), and its own
     * time, a whole hour after anything an earlier scenario did, so that no window of an earlier
     * scenario is still open.
     */
    public Scenario scenario() {
        int n = SCENARIOS.incrementAndGet();
        Instant t0 = clock.now().plus(1, ChronoUnit.HOURS).plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        clock.set(t0);
        return new Scenario(n, t0);
    }

    /** A CI of a scenario, with the address its traps come from. */
    public record Ci(long id, String name, String address) {
        /** The reduction key of an alarm on this CI: {@code name:ci<id>[:fields]}. */
        public String key(String alarmName, Object... fields) {
            StringBuilder key = new StringBuilder(alarmName).append(":ci").append(id);
            for (Object f : fields) {
                key.append(':').append(f);
            }
            return key.toString();
        }
    }

    public final class Scenario {
        private final int number;
        private final Instant t0;
        private final List<NormalisedEvent> pending = new ArrayList<>();
        private int cis;

        Scenario(int number, Instant t0) {
            this.number = number;
            this.t0 = t0;
        }

        public Instant t0() {
            return t0;
        }

        public Instant now() {
            return clock.now();
        }

        /** A new CI (a switch) with one address of its own; attribution knows it before this returns. */
        public Ci ci(String name) {
            int host = ++cis;
            String address = "10.99." + number + "." + host;
            String unique = name + "-s" + number;
            long id = cmdb.create(new CiInput(unique, "switch", null, List.of(address), null, null, Map.of()))
                    .getId();
            return new Ci(id, unique, address);
        }

        /** {@code dependant} depends on {@code upstream} (connected_to): trouble upstream explains its alarms. */
        public Scenario connect(Ci dependant, Ci upstream) {
            cmdb.relate(String.valueOf(dependant.id()), "connected_to", upstream.id(), null);
            return settled("correlation to read the new relation");
        }

        /** Maintenance planned on these CIs from {@code fromSeconds} to {@code toSeconds} after t0. */
        public Scenario maintenance(long fromSeconds, long toSeconds, Ci... on) {
            maintenance.plan(Actor.SYSTEM, new NewMaintenanceWindow(java.util.Arrays.stream(on).map(Ci::id).toList(),
                    t0.plusSeconds(fromSeconds), t0.plusSeconds(toSeconds), "scenario " + number, null, "UTC"));
            return settled("correlation to read the planned work");
        }

        /**
         * Correlation re-reads the CMDB and planned work after their commits, on a thread of its own;
         * the pipeline's catch-up reads them too, so that the next step sees what was just written.
         */
        private Scenario settled(String what) {
            await(pipeline.whenCaughtUp(), what);
            return this;
        }

        /** The clock moves to {@code seconds} after t0 (never backwards). */
        public Scenario at(long seconds) {
            clock.set(t0.plusSeconds(seconds));
            return this;
        }

        public Scenario linkDown(Ci ci, int ifIndex) {
            return trap(Traps.linkDown(ci.address(), ifIndex, now()));
        }

        public Scenario linkUp(Ci ci, int ifIndex) {
            return trap(Traps.linkUp(ci.address(), ifIndex, now()));
        }

        public Scenario coldStart(Ci ci) {
            return trap(Traps.v2(ci.address(), Traps.COLD_START, now()));
        }

        public Scenario trap(Trap trap) {
            return event(normalise(trap));
        }

        /** An alert as Alertmanager's webhook delivers it. */
        public Scenario alert(AlertmanagerAlert alert) {
            return event(normalise(alert, now()));
        }

        /** An event as a channel hands it to the pipeline (normalised, not yet written). */
        public Scenario event(NormalisedEvent e) {
            pending.add(e);
            return this;
        }

        /**
         * Hands what came in since the last step to the pipeline together (one writer batch, or a
         * few), and waits until it is written, its incidents acted on, and correlation's periodic
         * work has run at the clock's time. Fails when an event is not acknowledged.
         */
        public Scenario step() {
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (NormalisedEvent e : pending) {
                CompletableFuture<Void> ack = new CompletableFuture<>();
                if (!queue.offer(new Submission(e, System.nanoTime(), ack))) {
                    throw new AssertionError("the pipeline shed " + e.reductionKey());
                }
                acks.add(ack);
            }
            pending.clear();
            await(pipeline.whenCaughtUp(), "the pipeline to catch up");
            for (CompletableFuture<Void> ack : acks) {
                await(ack, "an event's acknowledgement");
            }
            return this;
        }

        public Stored.AlarmRow alarm(String reductionKey) {
            return stored.alarm(reductionKey).orElseThrow(() -> new AssertionError("no alarm " + reductionKey));
        }

        public boolean hasAlarm(String reductionKey) {
            return stored.alarm(reductionKey).isPresent();
        }

        /** The incident an alarm is linked to now. */
        public Stored.IncidentRow incidentOf(String reductionKey) {
            Stored.AlarmRow a = alarm(reductionKey);
            if (a.incidentId() == null) {
                throw new AssertionError(reductionKey + " has no incident");
            }
            return stored.incident(a.incidentId()).orElseThrow();
        }

        /** Every incident Beacon opened on these CIs, oldest first (open, resolved or merged). */
        public List<Stored.IncidentRow> incidentsOn(Ci... on) {
            List<Stored.IncidentRow> all = new ArrayList<>();
            for (Ci ci : on) {
                for (Stored.IncidentRow r : stored.incidentsOn(ci.id())) {
                    if (all.stream().noneMatch(x -> x.id() == r.id())) {
                        all.add(r);
                    }
                }
            }
            return all;
        }

        /** The open incidents on these CIs. */
        public List<Stored.IncidentRow> openIncidentsOn(Ci... on) {
            return incidentsOn(on).stream().filter(Stored.IncidentRow::open).toList();
        }
    }

    /** Normalises a trap as the trap channel does (the shipped trap definitions; the pipeline attributes it). */
    NormalisedEvent normalise(Trap trap) {
        return new TrapNormaliser(definitions.current()).normalise(trap);
    }

    /** Normalises an alert as the Alertmanager channel does. */
    NormalisedEvent normalise(AlertmanagerAlert alert, Instant now) {
        return new AlertNormaliser(Severity.WARNING).alert(alert, now);
    }

    private static void await(CompletableFuture<?> f, String what) {
        try {
            f.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + STEP_TIMEOUT + " for " + what, e);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }
}
