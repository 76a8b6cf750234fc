package io.beacon.event.application;

import io.beacon.cmdb.domain.ConfigurationItems;
import io.beacon.event.domain.Alarm;
import io.beacon.event.domain.AlarmStatus;
import io.beacon.event.domain.Alarms;
import io.beacon.event.domain.Severity;
import io.beacon.identity.domain.Actor;
import io.beacon.platform.config.EventSettings;
import io.beacon.ticket.application.NewTicket;
import io.beacon.ticket.application.TicketChanges;
import io.beacon.ticket.application.TicketService;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketComment;
import io.beacon.ticket.domain.TicketStatus;
import io.beacon.ticket.domain.Tickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Opens incidents for raised alarms and resolves (or annotates) the incidents Beacon opened once
 * every alarm of theirs has cleared. Each call is one transaction; tickets are opened and changed
 * through {@link TicketService} as {@link Actor#SYSTEM}, so they get numbers, audit lines and
 * activity events like any other.
 */
@ApplicationScoped
@Transactional
public class IncidentActions {
    static final int TITLE_MAX = 300;

    @Inject
    Alarms alarms;

    @Inject
    Tickets tickets;

    @Inject
    TicketService ticketService;

    @Inject
    ConfigurationItems cis;

    @Inject
    AlarmCorrelator correlator;

    @Inject
    EventSettings settings;

    @Inject
    Clock clock;

    /** Answers the ids of the alarms that got a new incident. */
    public List<Long> apply(List<Long> raised, List<Long> cleared) {
        Severity threshold = threshold();
        List<Long> opened = new ArrayList<>();
        for (Long id : raised) {
            Alarm alarm = alarms.byId(id).orElse(null);
            if (alarm == null || alarm.getStatus() != AlarmStatus.ACTIVE) {
                continue;
            }
            if (alarm.getIncidentId() != null && incidentIsOver(alarm.getIncidentId())) {
                alarm.unlinkIncident(); // the problem is back after its incident ended: a new incident
            }
            if (alarm.wantsIncident(threshold) && alarm.getSuppressionKind() == null && decide(alarm)) {
                opened.add(id);
            }
        }
        for (Long id : cleared) {
            alarms.byId(id).ifPresent(this::afterClear);
        }
        alarms.flush();
        return opened;
    }

    public List<Long> alarmsWantingIncidents() {
        Severity threshold = threshold();
        List<Severity> severities = Arrays.stream(Severity.values())
                .filter(s -> s != Severity.CLEARED && s.atLeast(threshold)).toList();
        return alarms.activeWithoutIncident(severities, 1000);
    }

    private boolean decide(Alarm alarm) {
        IncidentDecision d = correlator.decide(alarm);
        switch (d.action()) {
            case SUPPRESS -> {
                alarm.suppress(d.kind(), d.ref(), d.reason());
                return false;
            }
            case ATTACH -> {
                Ticket t = tickets.byKey(d.ticketKey()).orElse(null);
                if (t != null) {
                    alarm.linkIncident(t.getId(), t.getKey(), false);
                    return false;
                }
                return open(alarm); // the incident named went away: open one
            }
            default -> {
                return open(alarm);
            }
        }
    }

    private boolean open(Alarm alarm) {
        List<Long> ciIds = alarm.getCiId() != null && !cis.existingIds(List.of(alarm.getCiId())).isEmpty()
                ? List.of(alarm.getCiId()) : List.of();
        String where = alarm.getCiName() != null ? alarm.getCiName()
                : alarm.getSourceAddress() != null ? alarm.getSourceAddress() + " (unknown CI)" : "unknown CI";
        String title = cut(alarm.getName() + " on " + where + ": " + alarm.getMessage(), TITLE_MAX);
        String description = "Opened by Beacon from alarm " + alarm.getId() + " (" + alarm.getSeverity().code() + ", "
                + alarm.getSource().code() + ").\n\n" + alarm.getMessage() + "\n\nReduction key: " + alarm.getReductionKey()
                + "\nFirst seen: " + alarm.getFirstSeen();
        Ticket ticket = ticketService.open(Actor.SYSTEM, new NewTicket("incident", title, description,
                priorities().get(alarm.getSeverity()), null, null, ciIds, null, null, null, TicketComment.Channel.SYSTEM));
        alarm.linkIncident(ticket.getId(), ticket.getKey(), true);
        return true;
    }

    private void afterClear(Alarm alarm) {
        if (alarm.getStatus() != AlarmStatus.CLEARED || !alarm.isIncidentAuto() || alarm.getIncidentId() == null) {
            return;
        }
        List<Alarm> all = alarms.byIncident(alarm.getIncidentId());
        if (all.stream().anyMatch(a -> a.getStatus() != AlarmStatus.CLEARED)) {
            return; // other alarms of the incident are still active
        }
        Optional<Ticket> ticket = tickets.byId(alarm.getIncidentId());
        if (ticket.isEmpty() || !ticket.get().getStatus().isOpen()) {
            return;
        }
        String note = "All alarms of this incident have cleared (" + alarm.getName() + " on "
                + (alarm.getCiName() != null ? alarm.getCiName() : alarm.getSourceAddress()) + " cleared at "
                + alarm.getClearedAt() + "). " + (settings.resolveOnClear() ? "Resolved automatically by Beacon." : "");
        if (settings.resolveOnClear()) {
            ticketService.change(Actor.SYSTEM, ticket.get().getKey(), new TicketChanges(null, null,
                    TicketStatus.RESOLVED.code(), note.trim(), null, null, null, null, null, null, null, null));
        } else {
            ticketService.comment(Actor.SYSTEM, ticket.get().getKey(), note.trim(), true, TicketComment.Channel.SYSTEM);
        }
    }

    private boolean incidentIsOver(long ticketId) {
        return tickets.byId(ticketId).map(t -> !t.getStatus().isOpen()).orElse(true);
    }

    private Severity threshold() {
        return Severity.fromCode("beacon.events.incident.severity", settings.incidentSeverity());
    }

    Map<Severity, String> priorities() {
        Map<Severity, String> map = new EnumMap<>(Severity.class);
        for (String pair : settings.incidentPriority().split(",")) {
            String[] kv = pair.split("=", 2);
            Severity s = kv.length == 2 ? Severity.parse(kv[0]) : null;
            if (s != null && Set.of("P1", "P2", "P3", "P4").contains(kv[1].strip().toUpperCase())) {
                map.put(s, kv[1].strip().toUpperCase());
            }
        }
        return map;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
