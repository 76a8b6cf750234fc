package io.beacon.integrations.camel;

import io.beacon.event.ingest.application.EventQueue;
import io.beacon.event.ingest.application.EventsShedException;
import io.beacon.event.ingest.application.Submission;
import java.util.ArrayList;
import java.util.List;

/** The hand-off port as a test sees it: keeps what was offered, commits or sheds on demand, or breaks. */
public final class FakeEventQueue implements EventQueue {
    private final List<Submission> offered = new ArrayList<>();
    private final List<Submission> waiting = new ArrayList<>();
    private boolean full;
    private boolean broken;

    @Override
    public synchronized boolean offer(Submission submission) {
        if (broken) {
            throw new IllegalStateException("the queue's broker is unreachable");
        }
        if (full) {
            if (submission.committed() != null) {
                submission.committed().completeExceptionally(new EventsShedException("the event queue is full"));
            }
            return false;
        }
        offered.add(submission);
        waiting.add(submission);
        return true;
    }

    @Override
    public synchronized int depth() {
        return waiting.size();
    }

    /** Everything offered so far, in order. */
    public synchronized List<Submission> offered() {
        return List.copyOf(offered);
    }

    /** The writer committed every waiting event. */
    public synchronized void commitAll() {
        for (Submission s : waiting) {
            if (s.committed() != null) {
                s.committed().complete(null);
            }
        }
        waiting.clear();
    }

    /** From now on every event is shed, as by a full queue. */
    public synchronized void fill() {
        full = true;
    }

    /** From now on offering throws, as a hand-off whose transport is down. */
    public synchronized void breakDown() {
        broken = true;
    }
}
