package io.beacon.event.incident.application;

import io.beacon.cmdb.application.CmdbView;
import io.beacon.cmdb.domain.ConfigurationItems;
import io.beacon.event.alarm.domain.Alarm;
import io.beacon.event.domain.Severity;
import io.beacon.event.EventSettings;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.SystemText;
import io.beacon.ticket.application.NewTicket;
import io.beacon.ticket.application.TicketChanges;
import io.beacon.ticket.application.TicketService;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketComment;
import io.beacon.ticket.domain.TicketStatus;
import io.beacon.ticket.domain.Tickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What Beacon does to tickets on an alarm's behalf: open its incident, reopen, resolve, merge one
 * into another, and leave internal notes saying why. Always as {@link Actor#SYSTEM} through
 * {@link TicketService}, so that numbers, audit lines and activity events are as for any ticket.
 * Runs inside the caller's transaction.
 */
@ApplicationScoped
public class AlarmIncidents {
    static final int TITLE_MAX = 300;

    @Inject
    Tickets tickets;

    @Inject
    TicketService ticketService;

    @Inject
    ConfigurationItems cis;

    @Inject
    EventSettings settings;

    @Inject
    AlarmPriorityDecision alarmPriorities;

    @Inject
    CmdbView cmdb;

    @Inject
    IncidentRouting routing;

    /** The incidents this transaction opens or changes do not hold up its commit for the search index. */
    void indexWithoutWaiting() {
        tickets.indexWithoutWaiting();
    }

    Ticket open(Alarm alarm) {
        return openAll(List.of(alarm)).get(0);
    }

    /** Opens one incident per alarm, written together, and links each alarm to its incident. */
    List<Ticket> openAll(List<Alarm> alarms) {
        Set<Long> existingCis = cis.existingIds(alarms.stream().map(Alarm::getCiId).filter(Objects::nonNull).toList());
        // One decision per severity, not per alarm: a storm of alarms opens its incidents with a few evaluations.
        Map<Severity, Optional<String>> priorities = new EnumMap<>(Severity.class);
        // The group: the CI's owner group as the CMDB view holds it (known groups only), else the default one.
        Map<String, Optional<String>> groups = new java.util.HashMap<>();
        Map<io.beacon.event.domain.EventSource, String> requesters = new EnumMap<>(io.beacon.event.domain.EventSource.class);
        List<NewTicket> incidents = alarms.stream().map(a -> incidentFor(a, existingCis,
                priorities.computeIfAbsent(a.getSeverity(), alarmPriorities::priority).orElse(null),
                groupFor(a, groups), requesters.computeIfAbsent(a.getSource(), routing::requesterFor))).toList();
        List<Ticket> opened = ticketService.openAll(Actor.SYSTEM, incidents);
        for (int i = 0; i < alarms.size(); i++) {
            alarms.get(i).linkIncident(opened.get(i).getId(), opened.get(i).getKey(), true);
        }
        return opened;
    }

    private String groupFor(Alarm alarm, Map<String, Optional<String>> known) {
        String owner = alarm.getCiId() == null ? null : cmdb.ownerGroupOf(alarm.getCiId()).orElse(null);
        if (owner != null) {
            Optional<String> group = known.computeIfAbsent(owner, routing::existingGroup);
            if (group.isPresent()) {
                return group.get();
            }
        }
        return settings.incidentDefaultGroup().flatMap(d -> known.computeIfAbsent(d, routing::existingGroup)).orElse(null);
    }

    private static NewTicket incidentFor(Alarm alarm, Set<Long> existingCis, String priority, String group,
            String requester) {
        // A CI deleted since the alarm was raised is not linked (the incident still opens).
        List<Long> ciIds = alarm.getCiId() != null && existingCis.contains(alarm.getCiId())
                ? List.of(alarm.getCiId()) : List.of();
        SystemText title = titleOf(alarm).cut(TITLE_MAX);
        SystemText description = SystemText.of("sys.incident.fromAlarm", "Opened by Beacon from alarm " + alarm.getId()
                + " (" + alarm.getSeverity().code() + ", " + alarm.getSource().code() + ").\n\n" + alarm.getMessage()
                + "\n\nReduction key: " + alarm.getReductionKey() + "\nFirst seen: " + alarm.getFirstSeen(),
                "alarm", alarm.getId(), "severity", alarm.getSeverity().code(), "source", alarm.getSource().code(),
                "message", alarm.getMessage(), "reductionKey", alarm.getReductionKey(), "firstSeenAt", alarm.getFirstSeen());
        return new NewTicket("incident", null, null, priority, null, null, ciIds, requester,
                group, null, TicketComment.Channel.SYSTEM).writtenByBeacon(title, description);
    }

    /** "{name} on {ci}: {message}" (keys {@code sys.incident.alarmTitle*}: on a CI, an unknown address, no CI). */
    static SystemText titleOf(Alarm alarm) {
        String text = alarm.getName() + " on " + where(alarm) + ": " + alarm.getMessage();
        if (alarm.getCiName() != null) {
            return SystemText.of("sys.incident.alarmTitle", text, "name", alarm.getName(), "ci", alarm.getCiName(),
                    "message", alarm.getMessage());
        }
        if (alarm.getSourceAddress() != null) {
            return SystemText.of("sys.incident.alarmTitleAddress", text, "name", alarm.getName(),
                    "address", alarm.getSourceAddress(), "message", alarm.getMessage());
        }
        return SystemText.of("sys.incident.alarmTitleNoCi", text, "name", alarm.getName(), "message", alarm.getMessage());
    }

    /** The open incident the alarm is linked to, if any. */
    Optional<Ticket> openIncidentOf(Alarm alarm) {
        return incidentOf(alarm).filter(t -> t.getStatus().isOpen());
    }

    Optional<Ticket> incidentOf(Alarm alarm) {
        return alarm.getIncidentId() == null ? Optional.empty() : tickets.byId(alarm.getIncidentId());
    }

    /** Reopens a resolved incident; answers false when it cannot be (closed, gone). */
    boolean reopen(Ticket ticket, SystemText why) {
        if (ticket.getStatus() != TicketStatus.RESOLVED) {
            return ticket.getStatus().isOpen();
        }
        String status = ticket.getAssignee() != null ? TicketStatus.ASSIGNED.code() : TicketStatus.NEW.code();
        ticketService.change(Actor.SYSTEM, ticket.getKey(), new TicketChanges(null, null, status, null, null, null,
                null, null, null, null, null, null));
        note(ticket, why);
        return true;
    }

    /** Resolves (or, when so configured, only annotates) an open incident Beacon opened. */
    void resolve(Ticket ticket, SystemText why) {
        if (!ticket.getStatus().isOpen()) {
            return;
        }
        if (settings.resolveOnClear()) {
            ticketService.resolveAsBeacon(ticket.getKey(), SystemText.of("sys.incident.resolvedAuto",
                    why.text() + ". Resolved automatically by Beacon.").nest("reason", why).cut(4000));
        } else {
            note(ticket, why);
        }
    }

    /** Links one more CI to an incident (keeping those it has) and says why. */
    void linkCi(Ticket ticket, long ciId, SystemText why) {
        if (!ticket.getCiIds().contains(ciId) && !cis.existingIds(List.of(ciId)).isEmpty()) {
            List<Long> all = new ArrayList<>(ticket.getCiIds());
            all.add(ciId);
            ticketService.change(Actor.SYSTEM, ticket.getKey(), new TicketChanges(null, null, null, null, null, null,
                    null, null, null, null, all, null));
        }
        note(ticket, why);
    }

    /** A note in each reader's language (its English text is the comment's body). */
    void note(Ticket ticket, SystemText text) {
        ticketService.comment(Actor.SYSTEM, ticket.getKey(), text.cut(4000), true, TicketComment.Channel.SYSTEM);
    }

    static String where(Alarm alarm) {
        return alarm.getCiName() != null ? alarm.getCiName()
                : alarm.getSourceAddress() != null ? alarm.getSourceAddress() + " (unknown CI)" : "unknown CI";
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
