package io.beacon.event.incident.application;

import io.beacon.platform.domain.SystemText;
import io.beacon.cmdb.application.AddressesClaimed;
import io.beacon.correlation.application.CorrelationEngine;
import io.beacon.correlation.domain.AlarmSignal;
import io.beacon.correlation.domain.AlarmState;
import io.beacon.correlation.domain.Decision;
import io.beacon.event.alarm.domain.Alarm;
import io.beacon.event.alarm.domain.AlarmStatus;
import io.beacon.event.alarm.domain.Alarms;
import io.beacon.event.domain.Severity;
import io.beacon.event.alarm.application.BatchResult;
import io.beacon.event.alarm.application.PagingThreshold;
import io.beacon.platform.cluster.Duty;
import io.beacon.platform.cluster.Leadership;
import io.beacon.ticket.domain.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Asks correlation what a raised or cleared alarm means, and carries out its decisions: opening,
 * reopening, merging and resolving incidents, attaching symptoms, holding back alarms inside
 * planned work, and recording why on the alarm and on the incident. Each call is one transaction;
 * one that carries out decisions is fenced with the correlation lease's epoch.
 */
@ApplicationScoped
@Transactional
public class IncidentActions {
    /** Correlation remembers at most this many alarms across a restart. */
    static final int MEMORY_MAX = 200_000;
    private static final int SYMPTOMS_LISTED = 20;
    /** Alarms moved onto a CI by one claim at most (a claim of a whole subnet's worth is a CMDB import, not a storm). */
    static final int MOVED_MAX = 10_000;

    @Inject
    Alarms alarms;

    @Inject
    AlarmIncidents incidents;

    @Inject
    CorrelationEngine correlation;

    @Inject
    PagingThreshold paging;

    @Inject
    Clock clock;

    @Inject
    Leadership leadership;

    /**
     * What correlation decides about each of these raised alarms (in their order; none for one below
     * the incident threshold or no longer active), with one read for all of them.
     */
    public Map<Long, List<Decision>> decideRaised(List<Long> alarmIds) {
        return decide(alarmIds, alarm -> alarm.getStatus() == AlarmStatus.ACTIVE && pages(alarm),
                (alarm, now) -> correlation.problem(signal(alarm), now));
    }

    /** What correlation decides about each of these cleared alarms, in their order. */
    public Map<Long, List<Decision>> decideCleared(List<Long> alarmIds) {
        return decide(alarmIds, alarm -> alarm.getStatus() == AlarmStatus.CLEARED,
                (alarm, now) -> correlation.clear(alarm.getReductionKey(), now));
    }

    /** One read for all the alarms, then one decision per alarm that still applies, in their order. */
    private Map<Long, List<Decision>> decide(List<Long> alarmIds, Predicate<Alarm> applies,
            BiFunction<Alarm, Instant, List<Decision>> decision) {
        Map<Long, Alarm> found = alarms.byIds(alarmIds);
        Instant now = clock.instant();
        Map<Long, List<Decision>> decided = new LinkedHashMap<>();
        for (Long id : alarmIds) {
            Alarm alarm = found.get(id);
            if (alarm != null && applies.test(alarm)) {
                decided.put(id, decision.apply(alarm, now));
            }
        }
        return decided;
    }

    /**
     * The alarms other core nodes raised or cleared that wait for correlation (at most {@code max}),
     * as a batch's result would name them, with the mark each had when read.
     */
    public Waiting awaitingCorrelation(int max) {
        List<BatchResult.AlarmRef> raised = new ArrayList<>();
        List<BatchResult.AlarmRef> cleared = new ArrayList<>();
        Map<Long, String> marks = new LinkedHashMap<>();
        for (Alarm a : alarms.awaitingCorrelation(max)) {
            ("raised".equals(a.getAwaitingCorrelation()) ? raised : cleared)
                    .add(new BatchResult.AlarmRef(a.getId(), a.getReductionKey()));
            marks.put(a.getId(), a.getAwaitingCorrelation());
        }
        return new Waiting(new BatchResult(0, 0, raised, cleared), marks);
    }

    /** What waits for correlation, and the mark each alarm had when it was read. */
    public record Waiting(BatchResult result, Map<Long, String> marks) {
        public boolean isEmpty() {
            return marks.isEmpty();
        }
    }

    /** They were decided about (fenced: only the correlating node clears the marks). */
    public void correlationDone(Map<Long, String> marks) {
        leadership.fence(Duty.CORRELATION);
        alarms.byIds(marks.keySet()).forEach((id, alarm) -> alarm.correlationDone(marks.get(id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Decision> decideTick() {
        return correlation.tick(clock.instant());
    }

    /** Carries out decisions; answers the ids of the alarms that got a new incident. */
    public List<Long> carryOut(List<Decision> decisions) {
        // First, so that the lease row stays locked until this commits: a takeover waits for it or refuses it.
        leadership.fence(Duty.CORRELATION);
        // Cold, waiting for the search index after each commit held the pipeline (and every alarm behind it) for 0.3 s.
        incidents.indexWithoutWaiting();
        List<Long> opened = new ArrayList<>(openTogether(decisions));
        Map<Long, Symptoms> symptomsByIncident = new LinkedHashMap<>();
        for (Decision d : decisions) {
            if (d instanceof Decision.OpenIncident && opened.contains(d.alarmId())) {
                continue;
            }
            Alarm alarm = alarms.byId(d.alarmId()).orElse(null);
            if (alarm == null) {
                continue;
            }
            if (d instanceof Decision.OpenIncident o) {
                if (openFor(alarm, o)) {
                    opened.add(alarm.getId());
                }
            } else if (d instanceof Decision.AttachSymptom s) {
                attach(alarm, s.rootAlarmId(), s.why(), symptomsByIncident, opened);
            } else if (d instanceof Decision.MergeIncident m) {
                merge(alarm, m);
            } else if (d instanceof Decision.Suppress s) {
                alarm.suppress(s.suppression().kind().code(), s.suppression().ref(), s.why());
            } else if (d instanceof Decision.ReopenIncident r) {
                if (reopen(alarm, r)) {
                    opened.add(alarm.getId());
                }
            } else if (d instanceof Decision.MarkFlapping f) {
                alarm.markFlapping(true);
                incidents.openIncidentOf(alarm).ifPresent(t -> incidents.note(t, f.why()));
            } else if (d instanceof Decision.ResolveIncident r) {
                alarm.markFlapping(false);
                if (alarm.isIncidentAuto()) {
                    incidents.openIncidentOf(alarm).ifPresent(t -> incidents.resolve(t, r.why()));
                }
            }
            // A storm's decisions share a transaction: written and forgotten one by one, the persistence
            // context stays small, and Hibernate's flush before every query does not grow with the chunk.
            alarms.flushAndClear();
        }
        for (Symptoms s : symptomsByIncident.values()) {
            List<String> lines = s.lines();
            String listed = "- " + String.join("\n- ", lines.subList(0, Math.min(lines.size(), SYMPTOMS_LISTED)));
            int more = Math.max(0, lines.size() - SYMPTOMS_LISTED);
            incidents.note(s.incident(), SystemText.of(more > 0 ? "sys.note.symptomsMore" : "sys.note.symptoms",
                    lines.size() + " alarm(s) attached as symptoms of this incident's root cause:\n" + listed
                    + (more > 0 ? "\n- and " + more + " more" : ""), "count", lines.size(), "alarms", listed, "more", more));
        }
        alarms.flush();
        return opened;
    }

    /**
     * The new incidents among the decisions (alarms that never had one), opened first and written
     * together: a storm's incidents cost a few statements each, and the symptoms and merges decided
     * after them find their root cause's incident already there. Answers the alarms so handled.
     */
    private List<Long> openTogether(List<Decision> decisions) {
        List<Decision.OpenIncident> opens = decisions.stream().filter(Decision.OpenIncident.class::isInstance)
                .map(Decision.OpenIncident.class::cast).toList();
        if (opens.size() < 2) {
            return List.of();
        }
        Map<Long, Alarm> found = alarms.byIds(opens.stream().map(Decision::alarmId).toList());
        Map<Long, Decision.OpenIncident> fresh = new LinkedHashMap<>();
        for (Decision.OpenIncident o : opens) {
            Alarm alarm = found.get(o.alarmId());
            if (alarm != null && alarm.getIncidentId() == null && !fresh.containsKey(alarm.getId())) {
                alarm.standAlone();
                if (o.relatedChange() != null) {
                    alarm.attributeToChange(o.relatedChange());
                }
                fresh.put(alarm.getId(), o);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<Ticket> tickets = incidents.openAll(fresh.keySet().stream().map(found::get).toList());
        int i = 0;
        for (Decision.OpenIncident o : fresh.values()) {
            if (worthNoting(o)) {
                incidents.note(tickets.get(i), o.why());
            }
            i++;
        }
        alarms.flushAndClear();
        return new ArrayList<>(fresh.keySet());
    }

    private boolean openFor(Alarm alarm, Decision.OpenIncident o) {
        alarm.standAlone();
        if (o.relatedChange() != null) {
            alarm.attributeToChange(o.relatedChange());
        }
        Optional<Ticket> current = alarm.isIncidentAuto() ? incidents.openIncidentOf(alarm) : Optional.empty();
        Ticket ticket = current.orElseGet(() -> incidents.open(alarm));
        if (current.isPresent() || worthNoting(o)) {
            incidents.note(ticket, o.why());
        }
        return current.isEmpty();
    }

    /** Whether a new incident's reason adds to what its description says (a change; a root cause or a window that ended). */
    private static boolean worthNoting(Decision.OpenIncident o) {
        return o.relatedChange() != null || o.suspectChange() != null || o.why().args().containsKey("becauseKey");
    }

    /** The symptoms attached to one incident by one call, noted on it once. */
    private record Symptoms(Ticket incident, List<String> lines) {}

    private boolean reopen(Alarm alarm, Decision.ReopenIncident r) {
        alarm.standAlone();
        Optional<Ticket> previous = incidents.incidentOf(alarm);
        if (previous.isPresent() && incidents.reopen(previous.get(), r.why())) {
            return false;
        }
        Ticket t = incidents.open(alarm);
        previous.ifPresent(p -> incidents.note(t, SystemText.of("sys.note.followsUp", r.reason() + " (" + p.getKey()
                + " is closed: this incident follows it up)", "key", p.getKey()).nest("reason", r.why())));
        return true;
    }

    private void attach(Alarm alarm, long rootAlarmId, SystemText reason, Map<Long, Symptoms> notes,
            List<Long> opened) {
        Alarm root = alarms.byId(rootAlarmId).orElse(null);
        Optional<Ticket> rootIncident = root == null ? Optional.empty() : incidents.openIncidentOf(root);
        if (rootIncident.isEmpty()) {
            // The root's incident is gone (resolved by hand, failed to open): the alarm pages on its own.
            alarm.standAlone();
            if (incidents.openIncidentOf(alarm).isEmpty()) {
                incidents.open(alarm);
                opened.add(alarm.getId());
            }
            return;
        }
        alarm.markSymptomOf(root, reason);
        notes.computeIfAbsent(rootIncident.get().getId(), k -> new Symptoms(rootIncident.get(), new ArrayList<>()))
                .lines().add(alarm.getName() + " · " + whereShort(alarm) + " · #" + alarm.getId());
    }

    /** Where an alarm is, in no language: its CI's name, else its source address. */
    private static String whereShort(Alarm alarm) {
        return alarm.getCiName() != null ? alarm.getCiName()
                : alarm.getSourceAddress() != null ? alarm.getSourceAddress() : "—";
    }

    /** The alarm's own incident moves into its root cause's: its alarms follow, it is resolved as merged. */
    private void merge(Alarm alarm, Decision.MergeIncident m) {
        Alarm root = alarms.byId(m.rootAlarmId()).orElse(null);
        Optional<Ticket> into = root == null ? Optional.empty() : incidents.openIncidentOf(root);
        Optional<Ticket> own = incidents.openIncidentOf(alarm);
        if (into.isEmpty()) {
            return; // nothing to merge into: the alarm keeps its incident
        }
        alarm.markSymptomOf(root, m.why());
        if (own.isEmpty() || own.get().getId().equals(into.get().getId())) {
            return;
        }
        for (Alarm other : alarms.byIncident(own.get().getId())) {
            other.linkIncident(into.get().getId(), into.get().getKey(), false);
        }
        incidents.note(into.get(), SystemText.of("sys.note.mergedHere", own.get().getKey()
                + " merged into this incident: " + m.reason(), "key", own.get().getKey()).nest("reason", m.why()));
        incidents.resolve(own.get(), SystemText.of("sys.reason.mergedInto", "Merged into " + into.get().getKey() + ": "
                + m.reason(), "key", into.get().getKey()).nest("reason", m.why()));
    }

    /** Someone resolved or closed this incident by hand: correlation learns it for each of its alarms. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void resolvedByHand(long ticketId, Instant at) {
        for (Alarm alarm : alarms.byIncident(ticketId)) {
            correlation.incidentResolved(alarm.getReductionKey(), at);
        }
    }

    /** An alarm that moved onto the CI that claimed its address: what correlation must learn of it. */
    public record Moved(long alarmId, String reductionKey, long ciId, String label) {}

    /**
     * CIs claimed addresses or host names: the active alarms that came from them without a CI move
     * onto the claiming CI, re-keyed to the CI's form so that the device's next event folds into them
     * (unless an alarm of that key exists already: then they keep theirs), and the incidents Beacon
     * opened for them get the CI linked and a note. Several claims (an import's) cost one query; an
     * address claimed twice among them goes to the later claim, as in the CMDB view. Answers the
     * moves, for correlation to learn after the commit.
     */
    public List<Moved> moveOntoCis(List<AddressesClaimed> claims) {
        Map<String, AddressesClaimed> byAddress = new LinkedHashMap<>();
        for (AddressesClaimed claim : claims) {
            for (String where : claim.addressesAndHosts()) {
                byAddress.put(where.strip().toLowerCase(Locale.ROOT), claim);
            }
        }
        List<Moved> moved = new ArrayList<>();
        for (Alarm alarm : alarms.activeWithoutCiFrom(byAddress.keySet(), MOVED_MAX)) {
            AddressesClaimed claim = byAddress.get(alarm.getSourceAddress().strip().toLowerCase(Locale.ROOT));
            if (claim == null) {
                continue;
            }
            String was = AlarmIncidents.where(alarm);
            String key = alarm.keyOnCi(claim.ciId())
                    .filter(k -> alarms.byReductionKeys(List.of(k)).isEmpty()).orElse(null);
            alarm.moveOnto(claim.ciId(), claim.ciName(), key);
            if (alarm.isIncidentAuto()) {
                incidents.openIncidentOf(alarm).ifPresent(t -> incidents.linkCi(t, claim.ciId(), SystemText.of(
                        "sys.note.addressClaimed", alarm.getName() + " (alarm " + alarm.getId() + ") came from " + was
                        + "; " + claim.ciName() + " now claims that address", "name", alarm.getName(),
                        "alarm", alarm.getId(), "address", alarm.getSourceAddress(), "ci", claim.ciName())));
            }
            alarms.flush();
            moved.add(new Moved(alarm.getId(), alarm.getReductionKey(), claim.ciId(), label(alarm)));
        }
        return moved;
    }

    /** Active alarms that page but have neither an incident nor a verdict (after a crash between transactions). */
    public List<Long> alarmsWantingIncidents() {
        Severity threshold = paging.severity();
        List<Severity> severities = Arrays.stream(Severity.values())
                .filter(s -> s != Severity.CLEARED && s.atLeast(threshold)).toList();
        return alarms.activeWithoutIncident(severities, 1000);
    }

    /** Gives correlation back what it knew before a restart (or before a failed transaction), from the stored alarms. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int restoreCorrelation() {
        List<AlarmState> states = alarms.correlated(MEMORY_MAX).stream().map(IncidentActions::state).toList();
        correlation.restore(states);
        return states.size();
    }

    private static AlarmState state(Alarm a) {
        String kind = a.getSuppressionKind();
        AlarmState.Role role = "root_cause".equals(kind) ? AlarmState.Role.SYMPTOM
                : "change".equals(kind) || "maintenance".equals(kind) ? AlarmState.Role.SUPPRESSED
                : AlarmState.Role.INCIDENT;
        boolean active = a.getStatus() == AlarmStatus.ACTIVE;
        return new AlarmState(a.getId(), a.getReductionKey(), a.getCiId(), label(a), a.getFirstSeen(), active, role,
                a.getRootCauseAlarmId(), role == AlarmState.Role.SUPPRESSED ? a.getSuppressionRef() : null,
                role == AlarmState.Role.INCIDENT && a.getIncidentId() != null && a.isIncidentAuto(), a.isFlapping(),
                active ? null : a.getClearedAt());
    }

    private boolean pages(Alarm alarm) {
        return paging.pages(alarm.getSeverity());
    }

    private static AlarmSignal signal(Alarm a) {
        return new AlarmSignal(a.getId(), a.getReductionKey(), a.getCiId(), label(a));
    }

    /** How reasons name an alarm, in no language: "LinkDown · core-sw-01". */
    private static String label(Alarm a) {
        return a.getName() + " · " + whereShort(a);
    }
}
