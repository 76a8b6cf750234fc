package io.beacon.sla.application;

import io.beacon.identity.domain.User;
import io.beacon.identity.domain.Users;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.Role;
import io.beacon.sla.SlaSettings;
import io.beacon.mail.application.MailNotifications;
import io.beacon.process.application.ProcessNotifications;
import io.beacon.sla.domain.BusinessCalendar;
import io.beacon.sla.domain.SlaEvent;
import io.beacon.sla.domain.TicketSla;
import io.beacon.sla.domain.TicketSlas;
import io.beacon.ticket.application.SlaStatus;
import io.beacon.ticket.application.SlaStatuses;
import io.beacon.ticket.domain.FieldChange;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketHistoryEntry;
import io.beacon.ticket.domain.Tickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keeps the SLA clocks of tickets; the ticket process (BPMN) decides when to start, pause, resume,
 * stop and check them. Crossing a threshold flags the ticket, audits it in the ticket's history and
 * notifies the lead of the ticket's group (or its assignee).
 */
@ApplicationScoped
@Transactional
public class SlaService implements SlaStatuses {
    @Inject
    TicketSlas slas;

    @Inject
    Tickets tickets;

    @Inject
    Users users;

    @Inject
    SlaSettings settings;

    @Inject
    BusinessCalendars calendars;

    @Inject
    ProcessNotifications notifications;

    @Inject
    MailNotifications mail;

    @Inject
    Clock clock;

    public TicketSla start(long ticketId) {
        Optional<TicketSla> existing = slas.byTicket(ticketId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Ticket ticket = ticket(ticketId);
        var target = settings.target(ticket.getPriority().code());
        // The clocks run from the ticket's creation (also for a ticket adopted after an upgrade).
        TicketSla sla = TicketSla.start(ticketId, ticket.getKey(), ticket.getPriority().code(), target,
                settings.warnPercent(), calendar(target.allHours()),
                ticket.getCreatedAt());
        slas.add(sla);
        return sla;
    }

    public List<TicketSlas.Unwatched> unwatched(int max) {
        return slas.unwatched(max);
    }

    /** Those created before {@code createdBefore} (a start in flight is left to its own thread). */
    public List<TicketSlas.Unwatched> unwatched(int max, Instant createdBefore) {
        return slas.unwatched(max, createdBefore);
    }

    /** See {@link TicketSlas#unwatchedLocked(long)}. */
    public Optional<TicketSlas.Unwatched> unwatchedLocked(long ticketId) {
        return slas.unwatchedLocked(ticketId);
    }

    public void respond(long ticketId) {
        slas.byTicket(ticketId).ifPresent(s -> s.respond(clock.instant()));
    }

    /**
     * A comment answers the requester when the desk (an agent or admin other than the requester) writes it;
     * a participant's mail is public too, but it is the requester's side speaking.
     */
    public void respondByStaff(long ticketId, String author) {
        boolean desk = users.byUsername(author).filter(u -> u.hasRole(Role.AGENT) || u.hasRole(Role.ADMIN)).isPresent();
        tickets.byId(ticketId).filter(t -> desk && (t.getRequester() == null || !author.equals(t.getRequester().getUsername())))
                .ifPresent(t -> respond(ticketId));
    }

    public void pause(long ticketId) {
        sla(ticketId).pause(clock.instant());
    }

    public void resume(long ticketId) {
        TicketSla sla = sla(ticketId);
        sla.resume(clock.instant(), calendarOf(sla));
    }

    public void resolve(long ticketId) {
        TicketSla sla = sla(ticketId);
        sla.resolve(clock.instant(), calendarOf(sla));
    }

    public void reopen(long ticketId) {
        sla(ticketId).reopen();
    }

    /**
     * The ticket's priority changed: its running clocks follow the new priority's targets from now on
     * (audited as {@code sla_target}), and what those make due is flagged at once. Answers the next
     * time to check.
     */
    public Instant retarget(long ticketId) {
        TicketSla sla = sla(ticketId);
        Ticket ticket = ticket(ticketId);
        String before = sla.getPriority();
        String after = ticket.getPriority().code();
        var target = settings.target(after);
        if (sla.retarget(after, target, settings.warnPercent(), calendar(target.allHours()))) {
            tickets.addHistory(List.of(new TicketHistoryEntry(ticketId, Actor.SYSTEM.username(), clock.instant(),
                    new FieldChange("sla_target", before, after))));
        }
        return check(ticketId);
    }

    /** Flags and escalates what is due now; answers the next time to check (null: nothing left to watch). */
    public Instant check(long ticketId) {
        TicketSla sla = sla(ticketId);
        Instant now = clock.instant();
        List<SlaEvent> crossed = sla.check(now);
        if (!crossed.isEmpty()) {
            escalate(ticket(ticketId), crossed, now);
        }
        return sla.nextCheck();
    }

    public Instant nextCheck(long ticketId) {
        return sla(ticketId).nextCheck();
    }

    @Override
    public Optional<SlaStatus> status(long ticketId) {
        return slas.byTicket(ticketId).map(this::status);
    }

    @Override
    public Map<Long, SlaStatus> statuses(Collection<Long> ticketIds) {
        return slas.byTickets(ticketIds).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> status(e.getValue())));
    }

    /** Ticket ids for the list filter {@code sla=at_risk,breached}. */
    public List<Long> ticketIds(boolean atRisk, boolean breached) {
        return slas.ticketIds(atRisk, breached);
    }

    private SlaStatus status(TicketSla s) {
        Instant now = clock.instant();
        BusinessCalendar calendar = calendarOf(s);
        return new SlaStatus(s.getResponseDue(), s.getResolutionDue(), s.responseMet(), s.resolutionMet(), s.isPaused(),
                s.isBreached(), s.isAtRisk(), s.remainingSeconds(now, calendar), s.isResolved(), s.counting(),
                s.nextDue(), s.secondsToNextDue(now, calendar));
    }

    private void escalate(Ticket ticket, List<SlaEvent> crossed, Instant now) {
        List<TicketHistoryEntry> audit = new ArrayList<>();
        for (SlaEvent e : crossed) {
            audit.add(new TicketHistoryEntry(ticket.getId(), Actor.SYSTEM.username(), now,
                    new FieldChange("sla", null, e.name().toLowerCase(Locale.ROOT))));
        }
        tickets.addHistory(audit);
        List<String> to = new ArrayList<>();
        if (ticket.getGroup() != null && ticket.getGroup().getLead() != null) {
            to.add(ticket.getGroup().getLead().getUsername());
        }
        Optional.ofNullable(ticket.getAssignee()).map(User::getUsername).filter(u -> !to.contains(u)).ifPresent(to::add);
        boolean breach = crossed.stream().anyMatch(SlaEvent::isBreach);
        String what = crossed.stream().map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        notifications.notify(to, (breach ? "SLA breached: " : "SLA at risk: ") + ticket.getKey() + " (" + ticket.getPriority().code() + ")",
                ticket.getTitle() + " - " + what);
        // The group (its address, or its lead and members) hears it by mail, in the escalation's transaction.
        mail.slaEscalated(ticket.getKey(), (breach ? "breached: " : "at risk: ") + what);
    }

    private BusinessCalendar calendarOf(TicketSla sla) {
        return calendar(sla.isAllHours());
    }

    private BusinessCalendar calendar(boolean allHours) {
        return allHours ? calendars.allHours() : calendars.working();
    }

    private TicketSla sla(long ticketId) {
        return slas.byTicket(ticketId).orElseGet(() -> start(ticketId));
    }

    private Ticket ticket(long ticketId) {
        return tickets.byId(ticketId).orElseThrow(() -> new IllegalStateException("no ticket " + ticketId));
    }
}
