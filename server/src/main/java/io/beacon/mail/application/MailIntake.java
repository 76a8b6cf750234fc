package io.beacon.mail.application;

import io.beacon.identity.application.UserService;
import io.beacon.identity.domain.Actor;
import io.beacon.identity.domain.User;
import io.beacon.mail.domain.InboundAttachment;
import io.beacon.mail.domain.InboundMail;
import io.beacon.mail.domain.IncidentRule;
import io.beacon.mail.domain.MailRecord;
import io.beacon.mail.domain.MailRecords;
import io.beacon.mail.domain.MailScreening;
import io.beacon.mail.domain.RejectReason;
import io.beacon.mail.domain.ReplyText;
import io.beacon.mail.domain.SubjectLine;
import io.beacon.mail.domain.Threading;
import io.beacon.platform.config.MailSettings;
import io.beacon.ticket.application.NewTicket;
import io.beacon.ticket.application.TicketChanges;
import io.beacon.ticket.application.TicketFinder;
import io.beacon.ticket.application.TicketService;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketAccess;
import io.beacon.ticket.domain.TicketComment;
import io.beacon.ticket.domain.TicketStatus;
import io.beacon.ticket.domain.TicketType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one received mail into desk activity, in one transaction together with the record of
 * its Message-ID: so a mail is either fully processed and remembered, or not at all (and the
 * channel leaves it unread to try again). A Message-ID seen before is not processed twice.
 */
@ApplicationScoped
public class MailIntake {
    static final String NO_SUBJECT = "(제목 없음)";

    @Inject
    MailRecords records;

    @Inject
    TicketService tickets;

    @Inject
    TicketFinder finder;

    @Inject
    UserService users;

    @Inject
    MailSettings settings;

    @Inject
    MailMetrics metrics;

    @Inject
    Clock clock;

    private IncidentRule incidentRule = IncidentRule.NONE;

    @PostConstruct
    void readRule() {
        incidentRule = new IncidentRule(settings.incidentSenders(),
                settings.incidentSubject().map(Pattern::compile).orElse(null));
    }

    /** Whether this Message-ID was processed already (the channel can skip fetching the rest). */
    @Transactional
    public boolean seen(String messageId) {
        return records.byMessageId(messageId).isPresent();
    }

    @Transactional
    public IntakeResult receive(InboundMail mail) {
        metrics.received();
        if (records.byMessageId(mail.messageId()).isPresent()) {
            metrics.rejected(RejectReason.DUPLICATE);
            return new IntakeResult("rejected:" + RejectReason.DUPLICATE.code(), null);
        }
        Optional<RejectReason> rejection = MailScreening.screen(mail, settings.from());
        if (rejection.isPresent()) {
            return reject(mail, rejection.get());
        }
        MailOrigin.begin(mail);
        try {
            return accept(mail);
        } finally {
            MailOrigin.end();
        }
    }

    /** A mail that could not be read or could not become a ticket: remembered, so it is not tried again. */
    @Transactional
    public void recordUnparsable(String messageId, String sender, String subject) {
        metrics.rejected(RejectReason.UNPARSABLE);
        if (messageId != null && records.byMessageId(messageId).isEmpty()) {
            records.add(new MailRecord(messageId, MailRecord.Direction.IN, null,
                    "rejected:" + RejectReason.UNPARSABLE.code(), sender, subject, clock.instant()));
        }
    }

    private IntakeResult reject(InboundMail mail, RejectReason reason) {
        metrics.rejected(reason);
        Long ticketId = null;
        if (reason == RejectReason.BOUNCE) {
            // A bounce of one of Beacon's own mails: the desk should know the requester did not get it.
            Optional<Ticket> ticket = answeredTicket(mail);
            if (ticket.isPresent()) {
                ticketId = ticket.get().getId();
                tickets.comment(Actor.SYSTEM, ticket.get().getKey(), "메일 반송 / Mail bounced: "
                        + Optional.ofNullable(mail.subject()).orElse("") + "\n\n" + cut(mail.text(), 4000), true,
                        TicketComment.Channel.MAIL);
            }
        }
        records.add(new MailRecord(mail.messageId(), MailRecord.Direction.IN, ticketId, "rejected:" + reason.code(),
                mail.fromAddress(), mail.subject(), clock.instant()));
        return new IntakeResult("rejected:" + reason.code(), null);
    }

    private IntakeResult accept(InboundMail mail) {
        User sender = users.requesterFor(mail.fromAddress(), blankToNull(mail.fromName()));
        Actor actor = new Actor(sender.getUsername(), sender.getRoles());
        Optional<Ticket> answered = answeredTicket(mail);
        Threading.Action action = Threading.decide(answered.map(t -> t.getStatus().code()).orElse(null));
        Ticket ticket;
        String outcome;
        switch (action) {
            case OPEN -> {
                ticket = open(actor, mail, typeOf(mail), description(mail, null));
                outcome = "opened";
            }
            case FOLLOW_UP -> {
                Ticket closed = answered.get();
                TicketType type = closed.getType() == TicketType.INCIDENT ? TicketType.INCIDENT : TicketType.SERVICE_REQUEST;
                ticket = open(actor, mail, type, description(mail, closed.getKey()));
                tickets.comment(Actor.SYSTEM, closed.getKey(), "후속 요청 / Follow-up: " + ticket.getKey(), true,
                        TicketComment.Channel.MAIL);
                outcome = "follow_up";
            }
            case REOPEN -> {
                ticket = answered.get();
                String status = ticket.getAssignee() != null ? TicketStatus.IN_PROGRESS.code() : TicketStatus.NEW.code();
                tickets.change(Actor.SYSTEM, ticket.getKey(), new TicketChanges(null, null, status, null, null, null,
                        null, null, null, null, null, null));
                comment(actor, ticket, mail);
                outcome = "reopened";
            }
            default -> {
                ticket = answered.get();
                comment(actor, ticket, mail);
                outcome = "commented";
            }
        }
        attach(actor, ticket, mail);
        records.add(new MailRecord(mail.messageId(), MailRecord.Direction.IN, ticket.getId(), outcome,
                mail.fromAddress(), mail.subject(), clock.instant()));
        if (action == Threading.Action.OPEN || action == Threading.Action.FOLLOW_UP) {
            metrics.opened();
        } else {
            metrics.commented();
        }
        return new IntakeResult(outcome, ticket.getKey());
    }

    /** The ticket a mail answers: by a key in the subject (leftmost existing one), else by its thread's Message-IDs. */
    private Optional<Ticket> answeredTicket(InboundMail mail) {
        for (String key : SubjectLine.ticketKeys(mail.subject())) {
            Optional<Ticket> t = finder.find(key);
            if (t.isPresent()) {
                return t;
            }
        }
        List<String> ids = mail.threadIds();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return records.firstWithTicket(ids).flatMap(r -> finder.find(String.valueOf(r.getTicketId())));
    }

    private Ticket open(Actor actor, InboundMail mail, TicketType type, String description) {
        String title = SubjectLine.title(mail.subject(), NO_SUBJECT, Ticket.TITLE_MAX);
        return tickets.open(actor, new NewTicket(type.code(), title, description, null, null, null, null, null, null,
                null, TicketComment.Channel.MAIL));
    }

    private TicketType typeOf(InboundMail mail) {
        return incidentRule.isIncident(mail) ? TicketType.INCIDENT : TicketType.SERVICE_REQUEST;
    }

    private static String description(InboundMail mail, String followUpOf) {
        String text = mail.text() == null ? "" : mail.text().strip();
        if (followUpOf != null) {
            text = "이전 요청 " + followUpOf + "의 후속 요청입니다. / Follow-up of " + followUpOf + ".\n\n" + text;
        }
        return text.isEmpty() ? null : cut(text, Ticket.DESCRIPTION_MAX);
    }

    private void comment(Actor actor, Ticket ticket, InboundMail mail) {
        String body = ReplyText.newPart(mail.text());
        if (body.isBlank()) {
            body = mail.attachments().isEmpty() ? "(빈 메일 / empty mail)" : "(첨부 파일 / attachments only)";
        }
        body = cut(body, TicketComment.BODY_MAX);
        if (TicketAccess.canComment(actor, ticket, false)) {
            tickets.comment(actor, ticket.getKey(), body, false, TicketComment.Channel.MAIL);
        } else {
            // Someone else on the thread (a colleague in CC): the desk sees it, the requester is not exposed to it.
            tickets.comment(Actor.SYSTEM, ticket.getKey(), "From " + mail.fromAddress() + ":\n\n"
                    + cut(body, TicketComment.BODY_MAX - 400), true, TicketComment.Channel.MAIL);
        }
    }

    private void attach(Actor actor, Ticket ticket, InboundMail mail) {
        List<String> tooLarge = new ArrayList<>();
        Actor owner = TicketAccess.canComment(actor, ticket, false) ? actor : Actor.SYSTEM;
        for (InboundAttachment a : mail.attachments()) {
            if (a.overLimit() || a.size() > settings.attachmentMaxBytes()) {
                tooLarge.add(a.fileName() + " (" + a.size() + " bytes)");
            } else {
                tickets.attach(owner, ticket.getKey(), a.fileName(), a.contentType(), a.content());
            }
        }
        if (!tooLarge.isEmpty()) {
            tickets.comment(Actor.SYSTEM, ticket.getKey(), "크기 제한(" + settings.attachmentMaxBytes()
                    + " bytes)을 넘어 저장하지 않은 첨부 파일 / Attachments over the size limit, not stored: "
                    + String.join(", ", tooLarge), false, TicketComment.Channel.MAIL);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : cut(s.strip(), 200); // app_user.display_name holds 200
    }

    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max);
    }
}
