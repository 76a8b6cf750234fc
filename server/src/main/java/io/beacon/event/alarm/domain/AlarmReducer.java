package io.beacon.event.alarm.domain;
import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.NormalisedEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds a batch of events into alarms in memory, in arrival order: a thousand repeats of one
 * linkDown become one alarm whose count grew by a thousand, written once. Knows nothing of
 * transactions or incidents; the caller persists the result and decides about incidents.
 */
public final class AlarmReducer {
    private AlarmReducer() {}

    /** An event to append, with the alarm it folded into (null for a clear that matched no alarm). */
    public record Recorded(NormalisedEvent event, Alarm alarm) {}

    /** What a batch did. */
    /**
     * {@code raised}: alarms a problem event raised or repeated in this batch; {@code reraised}: those
     * among them that came back after a clear; {@code cleared}: alarms cleared (and still so at the end).
     */
    public record Result(List<Alarm> created, Set<Alarm> touched, List<Recorded> recorded, Set<Alarm> raised,
            Set<Alarm> reraised, Set<Alarm> cleared, int duplicates) {}

    /**
     * @param existing the stored alarms of the batch's reduction keys, by key (loaded in one query)
     */
    public static Result reduce(List<NormalisedEvent> batch, Map<String, Alarm> existing) {
        Map<String, Alarm> alarms = new HashMap<>(existing);
        List<Alarm> created = new ArrayList<>();
        Set<Alarm> touched = new LinkedHashSet<>();
        Set<Alarm> raised = new LinkedHashSet<>();
        Set<Alarm> cleared = new LinkedHashSet<>();
        Set<Alarm> reraised = new LinkedHashSet<>();
        List<Recorded> recorded = new ArrayList<>(batch.size());
        int duplicates = 0;
        for (NormalisedEvent e : batch) {
            Alarm alarm = alarms.get(e.reductionKey());
            if (alarm == null) {
                if (e.kind() == EventKind.CLEAR) {
                    recorded.add(new Recorded(e, null)); // a clear for nothing we know: kept, folds nowhere
                    continue;
                }
                alarm = new Alarm(e);
                alarms.put(e.reductionKey(), alarm);
                created.add(alarm);
                touched.add(alarm);
                if (e.kind() == EventKind.PROBLEM) {
                    raised.add(alarm);
                }
                recorded.add(new Recorded(e, alarm));
                continue;
            }
            Alarm.Outcome outcome = alarm.apply(e);
            switch (outcome) {
                case DUPLICATE -> {
                    duplicates++;
                    continue; // at-least-once delivery: the same occurrence again is not a new event
                }
                case CLEARED -> {
                    cleared.add(alarm);
                    raised.remove(alarm);
                    reraised.remove(alarm);
                }
                case RERAISED, REPEATED -> {
                    if (e.kind() == EventKind.PROBLEM) {
                        raised.add(alarm);
                    }
                    if (outcome == Alarm.Outcome.RERAISED) {
                        reraised.add(alarm);
                    }
                    cleared.remove(alarm);
                }
                case ALREADY_CLEAR, RAISED -> { }
            }
            touched.add(alarm);
            recorded.add(new Recorded(e, alarm));
        }
        return new Result(created, touched, recorded, raised, reraised, cleared, duplicates);
    }
}
