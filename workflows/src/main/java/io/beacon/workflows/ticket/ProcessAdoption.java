package io.beacon.workflows.ticket;

import io.beacon.platform.startup.StartupEvent;
import io.beacon.sla.application.SlaService;
import io.beacon.sla.domain.TicketSlas;
import io.beacon.workflows.engine.ProcessEngineRuntime;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Incidents and requests without their lifecycle process (and SLA clocks) get it: at start-up all of
 * them (opened before the engine ran: the demo data, tickets from before an upgrade, a late start a
 * crash prevented), then every {@code BEACON_PROCESS_ADOPTION_SECONDS} on each node that runs the
 * engine those still without it some time after they were opened. Such a ticket lost its late start
 * (an alarm's incident, a mail's ticket: {@link LateProcessStarts}) with the node that was to make
 * it; without the periodic round a cluster whose nodes keep running would leave it unwatched until
 * one restarts. Safe on several nodes at once and beside a late start that is merely slow: each
 * ticket is locked and checked again before its process starts.
 */
@ApplicationScoped
public class ProcessAdoption {
    private static final Logger LOG = Logger.getLogger(ProcessAdoption.class.getName());
    /** Older than any late start still under way (a storm's wait at most 3 s, then its transactions). */
    static final Duration GRACE = Duration.ofMinutes(2);
    /** Tickets looked at per round; the next round takes the rest. */
    static final int PER_ROUND = 1000;
    /** Tickets adopted at start-up at most. */
    static final int AT_START = 10_000;
    static final int PER_TRANSACTION = 50;

    @Inject
    @ConfigProperty(name = "beacon.process.adoption.seconds", defaultValue = "60")
    int everySeconds;

    @Inject
    SlaService sla;

    @Inject
    TicketProcessCatchUp catchUp;

    @Inject
    ProcessEngineRuntime runtime;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    /** After the engine has started: every ticket without its process, then the periodic rounds. */
    void start(@Observes StartupEvent started) {
        if (runtime.isStarted()) {
            startInChunks(sla.unwatched(AT_START));
        }
        if (everySeconds > 0 && scheduler != null) {
            task = scheduler.scheduleWithFixedDelay(this::adoptLogged, everySeconds, everySeconds, TimeUnit.SECONDS);
        }
    }

    private void adoptLogged() {
        try {
            int adopted = adopt();
            if (adopted > 0) {
                LOG.warning(adopted + " incidents or requests had no lifecycle process " + GRACE.toMinutes()
                        + " minutes after they were opened (a start lost with its node); they have it now");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Adopting tickets without their lifecycle process failed; trying again in "
                    + everySeconds + " s", e);
        }
    }

    /** One round; answers how many tickets got their process. */
    int adopt() {
        if (!runtime.isStarted()) {
            return 0;
        }
        return startInChunks(sla.unwatched(PER_ROUND, clock.instant().minus(GRACE)));
    }

    private int startInChunks(List<TicketSlas.Unwatched> unwatched) {
        List<Long> ids = unwatched.stream().map(TicketSlas.Unwatched::ticketId).toList();
        int adopted = 0;
        for (int i = 0; i < ids.size(); i += PER_TRANSACTION) {
            adopted += catchUp.startAll(ids.subList(i, Math.min(ids.size(), i + PER_TRANSACTION)));
        }
        return adopted;
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
