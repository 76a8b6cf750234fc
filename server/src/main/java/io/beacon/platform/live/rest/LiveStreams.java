package io.beacon.platform.live.rest;

import io.beacon.platform.domain.JsonP;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.live.BroadcastUpdate;
import io.beacon.platform.live.LiveBroadcast;
import io.beacon.platform.live.LiveAudiences;
import io.beacon.platform.live.LiveUpdate;
import io.beacon.platform.live.StreamSignIns.StreamSignIn;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open event streams of signed-in users. A committed change arrives as a {@link LiveUpdate};
 * it is sent off the committing thread, to every stream whose user the topic's audience admits.
 * A comment every 20 s keeps proxies from closing idle streams and finds the dead ones. Every
 * {@value #RECHECK_SECONDS} s each stream's sign-in is checked again (by the identity area's
 * rules, see {@link io.beacon.platform.live.StreamSignIns}): a stream ends with its sign-in.
 *
 * <p>Every update carries an event id ({@code <start>-<n>}, {@code n} counting up from this server's
 * start); the last {@value #REPLAY_MAX} are kept with their audience, so a stream opened with the id
 * of the last event its browser saw ({@code Last-Event-ID}: a browser tab that takes over the
 * console's one shared stream from a closed tab) first gets what it missed.
 *
 * <p>Among core nodes every update travels the {@link LiveBroadcast} (a Kafka topic) and comes back
 * to each node numbered by its place there ({@code p<partition>-<offset>}, the same on every node):
 * a browser that reconnects to another node resumes where it stood.
 */
@ApplicationScoped
public class LiveStreams {
    private static final Logger LOG = Logger.getLogger(LiveStreams.class.getName());
    static final long HEARTBEAT_SECONDS = 20;
    /** How long a browser waits before it reconnects, e.g. while the server restarts. */
    static final long RECONNECT_MILLIS = 3000;

    static final long RECHECK_SECONDS = 2;

    /** One open stream. */
    record Subscriber(StreamSignIn signIn, SseEventSink sink, Sse sse) {
        Actor actor() {
            return signIn.actor();
        }
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /** How many recent updates a reconnecting stream can be given again. */
    static final int REPLAY_MAX = 1000;

    /** One sent update, kept for streams that resume after it: its number within its sequence (a run, a broadcast log). */
    private record Recent(String sequence, long seq, String topic, String json, Predicate<Actor> audience) {}

    /** Where a stream stood: the sequence and number of the last event it saw. */
    record Position(String sequence, long seq) {}

    /** Names this server's run in event ids, so that an id from before a restart resumes nothing. */
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private long seq;
    private final Deque<Recent> recent = new ArrayDeque<>();
    /** Orders numbering, keeping and sending updates against streams that open and resume. */
    private final Object order = new Object();

    @Inject
    LiveAudiences audiences;

    @Inject
    Instance<LiveBroadcast> broadcasts;

    /** The active broadcast (core nodes), or null: a single node numbers and sends its own updates. */
    private LiveBroadcast broadcast;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> heartbeat;
    private ScheduledFuture<?> recheck;

    /**
     * Open streams are requests that never end: on a stop the server would wait its whole quiesce
     * period for them. Closing them as soon as the JVM is asked to exit lets it stop at once; the
     * browsers reconnect to the next start.
     */
    private final Thread closeOnExit = new Thread(this::closeStreams, "beacon-live-close");

    @PostConstruct
    void start() {
        broadcast = broadcasts.stream().filter(LiveBroadcast::active).findFirst().orElse(null);
        heartbeat = scheduler.scheduleAtFixedRate(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        recheck = scheduler.scheduleWithFixedDelay(this::recheck, RECHECK_SECONDS, RECHECK_SECONDS, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(closeOnExit);
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        if (recheck != null) {
            recheck.cancel(false);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(closeOnExit);
        } catch (IllegalStateException exiting) {
            // the hook is running or has run
        }
        closeStreams();
    }

    private void closeStreams() {
        subscribers.forEach(s -> closeQuietly(s.sink()));
        subscribers.clear();
    }

    void open(StreamSignIn signIn, SseEventSink sink, Sse sse) {
        open(signIn, sink, sse, null);
    }

    /** Opens a stream; with the id of the last event its browser saw, it first gets the kept updates after that one. */
    void open(StreamSignIn signIn, SseEventSink sink, Sse sse, String lastEventId) {
        Subscriber subscriber = new Subscriber(signIn, sink, sse);
        String hello = JsonP.object().add("user", signIn.actor().username()).add("run", run).build().toString();
        Position after = resumeAfter(lastEventId);
        synchronized (order) {
            subscribers.add(subscriber);
            send(subscriber, sse.newEventBuilder().name("hello").data(hello).reconnectDelay(RECONNECT_MILLIS).build());
            if (after != null) {
                List<Recent> missed = new ArrayList<>();
                for (Recent r : recent) {
                    if (r.sequence().equals(after.sequence()) && r.seq() > after.seq()
                            && r.audience().test(subscriber.actor())) {
                        missed.add(r);
                    }
                }
                missed.forEach(r -> send(subscriber, event(sse, r)));
            }
        }
    }

    /**
     * Where the last event seen stood ({@code <sequence>-<n>}), or null when there is no id or none
     * this server could know: one of an earlier run resumes nothing, as no kept update matches it.
     */
    static Position resumeAfter(String lastEventId) {
        if (lastEventId == null || lastEventId.length() > 40) {
            return null;
        }
        int dash = lastEventId.lastIndexOf('-');
        if (dash <= 0) {
            return null;
        }
        try {
            return new Position(lastEventId.substring(0, dash), Long.parseLong(lastEventId.substring(dash + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private OutboundSseEvent event(Sse sse, Recent r) {
        return sse.newEventBuilder().name(r.topic()).id(r.sequence() + "-" + r.seq()).data(r.json()).build();
    }

    /** A committed change: among core nodes it goes to the broadcast (other nodes' streams want it too). */
    void onUpdate(@Observes LiveUpdate update) {
        if (broadcast != null) {
            executor.execute(() -> broadcast.publish(update)); // off the committing thread: Kafka may be slow or away
        } else if (!subscribers.isEmpty()) {
            executor.execute(() -> dispatch(update, run, -1));
        }
    }

    /** An update back from the broadcast, on its receiver's thread and in its order: kept and sent with its position. */
    void onBroadcast(@Observes BroadcastUpdate received) {
        dispatch(received.update(), received.sequence(), received.position());
    }

    /** Sends an update to the streams it is for and keeps it; position -1: the next number of this run. */
    private void dispatch(LiveUpdate update, String sequence, long position) {
        Predicate<Actor> audience;
        try {
            audience = audiences.audienceOf(update);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not work out who may see " + update + "; it is not sent", e);
            return;
        }
        var data = JsonP.object().add("kind", update.kind());
        if (update.id() != null) {
            data.add("id", update.id());
        }
        if (update.key() != null) {
            data.add("key", update.key());
        }
        String json = data.build().toString();
        synchronized (order) {
            Recent r = new Recent(sequence, position >= 0 ? position : ++seq, update.topic(), json, audience);
            recent.addLast(r);
            if (recent.size() > REPLAY_MAX) {
                recent.removeFirst();
            }
            for (Subscriber s : subscribers) {
                if (audience.test(s.actor())) {
                    send(s, event(s.sse(), r));
                }
            }
        }
    }

    private void beat() {
        for (Subscriber s : subscribers) {
            send(s, s.sse().newEventBuilder().comment("keep-alive").build());
        }
    }

    /** Ends the streams whose sign-in has ended; a stream the browser reopens is authenticated anew. */
    private void recheck() {
        try {
            for (Subscriber s : subscribers) {
                if (!s.signIn().holds()) {
                    drop(s);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not re-check the open streams' sign-ins", e);
        }
    }

    private void send(Subscriber s, OutboundSseEvent event) {
        if (s.sink().isClosed()) {
            subscribers.remove(s);
            return;
        }
        try {
            // One writer at a time per stream: updates and the heartbeat come from different threads.
            synchronized (s) {
                s.sink().send(event).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        drop(s);
                    }
                });
            }
        } catch (RuntimeException e) {
            drop(s);
        }
    }

    private void drop(Subscriber s) {
        subscribers.remove(s);
        closeQuietly(s.sink());
    }

    private static void closeQuietly(SseEventSink sink) {
        try {
            sink.close();
        } catch (RuntimeException ignored) {
            // the browser went away; nothing to tell it
        }
    }

}
