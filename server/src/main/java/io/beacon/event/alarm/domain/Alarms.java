package io.beacon.event.alarm.domain;
import io.beacon.event.domain.Severity;

import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stored alarms. */
public interface Alarms {
    /** The alarms of these reduction keys, by key, in as few queries as the database allows. */
    Map<String, Alarm> byReductionKeys(Collection<String> keys);

    void add(Alarm alarm);

    Optional<Alarm> byId(long id);

    /** The alarms of these ids that exist, by id, in as few queries as the database allows. */
    Map<Long, Alarm> byIds(Collection<Long> ids);

    /** Every alarm linked to this incident. */
    List<Alarm> byIncident(long ticketId);

    /** Alarms of several incidents (for showing a ticket's alarms), by ticket id. */
    Map<Long, List<Alarm>> byIncidents(Collection<Long> ticketIds);

    Page<Alarm> list(AlarmFilter filter, String sort, PageRequest page);

    /** Active alarms per severity. */
    Map<Severity, Long> activeBySeverity();

    /** Active, unsuppressed alarms of these severities that have no incident (at most {@code max}). */
    List<Long> activeWithoutIncident(Collection<Severity> severities, int max);

    /** Alarms that other core nodes raised or cleared and that wait for correlation, oldest first (at most {@code max}). */
    List<Alarm> awaitingCorrelation(int max);

    /**
     * The alarms correlation remembers: active ones it decided about (with an incident or a
     * suppression), and cleared flapping ones whose incident it keeps open (at most {@code max}).
     */
    List<Alarm> correlated(int max);

    /**
     * Active alarms without a CI that came from one of these addresses or host names (compared
     * without regard to case), at most {@code max}.
     */
    List<Alarm> activeWithoutCiFrom(Collection<String> addressesOrHosts, int max);

    /** The alarms attributed to a change (inside its window or outliving it), oldest first, at most {@code max}. */
    List<Alarm> byChangeKey(String changeKey, int max);

    void flush();

    /**
     * Writes what is pending and forgets every loaded entity (of every kind: the transaction's whole
     * persistence context); what is needed later is read again.
     */
    void flushAndClear();
}
