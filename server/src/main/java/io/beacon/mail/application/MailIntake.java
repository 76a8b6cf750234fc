package io.beacon.mail.application;

import io.beacon.identity.application.UserService;
import io.beacon.identity.domain.User;
import io.beacon.mail.domain.InboundAttachment;
import io.beacon.mail.domain.InboundMail;
import io.beacon.mail.domain.IncidentRule;
import io.beacon.mail.domain.MailRecord;
import io.beacon.mail.domain.MailRecords;
import io.beacon.mail.domain.MailScreening;
import io.beacon.mail.domain.RejectReason;
import io.beacon.mail.domain.ReplyText;
import io.beacon.mail.domain.SenderAuthentication;
import io.beacon.mail.domain.SubjectLine;
import io.beacon.mail.domain.Threading;
import io.beacon.mail.MailSettings;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.Role;
import io.beacon.platform.domain.SystemText;
import io.beacon.ticket.application.NewTicket;
import io.beacon.ticket.application.TicketChanges;
import io.beacon.ticket.application.TicketFinder;
import io.beacon.ticket.application.TicketService;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketComment;
import io.beacon.ticket.domain.TicketStatus;
import io.beacon.ticket.domain.TicketType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.beacon.platform.cluster.Duty;
import io.beacon.platform.cluster.Leadership;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Turns one received mail into desk activity, in one transaction together with the record of
 * its Message-ID: so a mail is either fully processed and remembered, or not at all (and the
 * channel leaves it unread to try again). A Message-ID seen before is not processed twice.
 */
@ApplicationScoped
public class MailIntake {
    static final String NO_SUBJECT = "(제목 없음)";
    private static final Logger LOG = Logger.getLogger(MailIntake.class.getName());

    @Inject
    MailRecords records;

    @Inject
    Leadership leadership;

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

    @Inject
    IncidentDecision incidentDecision;

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
        leadership.fence(Duty.MAIL); // a node that lost the mail lease unnoticed must not file what its successor files
        tickets.indexWithoutWaiting(); // nobody reads the tickets back; the next mail need not wait for the index
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
                String subject = Optional.ofNullable(mail.subject()).orElse("");
                String text = cut(mail.text(), 4000);
                tickets.comment(Actor.SYSTEM, ticket.get().getKey(), SystemText.of("sys.mail.bounced",
                        "메일 반송 / Mail bounced: " + subject + "\n\n" + text, "subject", subject, "text", text), true,
                        TicketComment.Channel.MAIL);
            }
        }
        records.add(new MailRecord(mail.messageId(), MailRecord.Direction.IN, ticketId, "rejected:" + reason.code(),
                mail.fromAddress(), mail.subject(), clock.instant()));
        return new IntakeResult("rejected:" + reason.code(), null);
    }

    private IntakeResult accept(InboundMail mail) {
        User sender = users.requesterFor(mail.fromAddress(), blankToNull(mail.fromName()));
        // A From address proves nothing about who wrote the mail: it never carries the desk's rights.
        Actor actor = new Actor(sender.getUsername(), Set.of(Role.REQUESTER));
        SenderAuthentication auth = SenderAuthentication.of(mail.authenticationResults(),
                settings.authservId().orElse(null));
        Optional<Ticket> answered = answeredTicket(mail);
        Threading.Decision decision = Threading.decide(answered.map(t -> t.getStatus().code()).orElse(null),
                answered.map(t -> senderTo(t, sender, mail)).orElse(Threading.Sender.OTHER), !auth.unverified());
        String unverified = auth.unverified() ? auth.summary() : null;
        Ticket ticket;
        String outcome;
        switch (decision.action()) {
            case OPEN -> {
                ticket = open(actor, mail, typeOf(mail), description(mail, null));
                noteUnverifiedOpening(ticket, mail, unverified);
                outcome = "opened";
            }
            case FOLLOW_UP -> {
                Ticket closed = answered.get();
                TicketType type = closed.getType() == TicketType.INCIDENT ? TicketType.INCIDENT : TicketType.SERVICE_REQUEST;
                ticket = open(actor, mail, type, description(mail, closed.getKey()));
                noteUnverifiedOpening(ticket, mail, unverified);
                tickets.comment(Actor.SYSTEM, closed.getKey(), SystemText.of("sys.mail.followUp",
                        "후속 요청 / Follow-up: " + ticket.getKey(), "key", ticket.getKey()), true, TicketComment.Channel.MAIL);
                outcome = "follow_up";
            }
            case REOPEN -> {
                ticket = answered.get();
                String status = ticket.getAssignee() != null ? TicketStatus.IN_PROGRESS.code() : TicketStatus.NEW.code();
                tickets.change(Actor.SYSTEM, ticket.getKey(), new TicketChanges(null, null, status, null, null, null,
                        null, null, null, null, null, null));
                tickets.commentFromMail(ticket.getKey(), sender.getUsername(), replyBody(mail, TicketComment.BODY_MAX),
                        false, null);
                outcome = "reopened";
            }
            case COMMENT -> {
                ticket = answered.get();
                tickets.commentFromMail(ticket.getKey(), sender.getUsername(), replyBody(mail, TicketComment.BODY_MAX),
                        false, null);
                outcome = "commented";
            }
            default -> {
                // Someone else on the thread (a colleague in CC, a forged sender): the desk reads it, the requester never gets it.
                ticket = answered.get();
                String body = replyBody(mail, TicketComment.BODY_MAX - 400);
                tickets.commentFromMail(ticket.getKey(), Actor.SYSTEM.username(), SystemText.of("sys.mail.fromOther",
                        "From " + mail.fromAddress() + ":\n\n" + body, "address", mail.fromAddress(), "text", body),
                        true, unverified);
                outcome = "noted";
            }
        }
        boolean internal = decision.action() == Threading.Action.NOTE;
        attach(internal ? Actor.SYSTEM.username() : sender.getUsername(), ticket, mail, internal);
        records.add(new MailRecord(mail.messageId(), MailRecord.Direction.IN, ticket.getId(), outcome,
                mail.fromAddress(), mail.subject(), clock.instant()).unverified(unverified));
        if (decision.action() == Threading.Action.OPEN || decision.action() == Threading.Action.FOLLOW_UP) {
            metrics.opened();
        } else {
            metrics.commented();
        }
        if (unverified != null) {
            metrics.unverified();
        }
        if (decision.downgrade() != null) {
            metrics.downgraded(decision.downgrade().code());
            LOG.warning(() -> "Mail " + mail.messageId() + " from " + mail.fromAddress() + " on " + ticket.getKey()
                    + " became an internal note (" + decision.downgrade().code()
                    + (unverified == null ? "" : ", " + unverified) + ")");
        }
        return new IntakeResult(outcome, ticket.getKey());
    }

    /** Who the sender is to the ticket: its requester, a participant the desk added, a desk user, or anyone else. */
    private static Threading.Sender senderTo(Ticket ticket, User sender, InboundMail mail) {
        if (ticket.isRequestedBy(sender.getUsername())) {
            return Threading.Sender.REQUESTER;
        }
        if (ticket.hasParticipant(mail.fromAddress())) {
            return Threading.Sender.PARTICIPANT;
        }
        return sender.hasRole(Role.AGENT) || sender.hasRole(Role.ADMIN) ? Threading.Sender.DESK_ADDRESS
                : Threading.Sender.OTHER;
    }

    /** A new ticket from a sender that failed authentication says so to the desk, where the timeline shows it. */
    private void noteUnverifiedOpening(Ticket ticket, InboundMail mail, String unverified) {
        if (unverified != null) {
            tickets.commentFromMail(ticket.getKey(), Actor.SYSTEM.username(), SystemText.of("sys.mail.unverified",
                    "발신자 인증 실패 / Sender not verified: " + mail.fromAddress() + " (" + unverified + ")",
                    "address", mail.fromAddress(), "how", unverified), true, unverified);
        }
    }

    /**
     * The ticket a mail answers: by a key in the subject (leftmost existing one), else by its thread's Message-IDs;
     * a duplicate merged into another ticket answers as its survivor.
     */
    private Optional<Ticket> answeredTicket(InboundMail mail) {
        for (String key : SubjectLine.ticketKeys(mail.subject())) {
            Optional<Ticket> t = finder.find(key);
            if (t.isPresent()) {
                return t.map(this::survivorOf);
            }
        }
        List<String> ids = mail.threadIds();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return records.firstWithTicket(ids).flatMap(r -> finder.find(String.valueOf(r.getTicketId()))).map(this::survivorOf);
    }

    /** Follows merges (a survivor may itself have been merged later), a few steps at most. */
    private Ticket survivorOf(Ticket ticket) {
        Ticket t = ticket;
        for (int step = 0; step < 5 && t.getMergedIntoId() != null; step++) {
            Optional<Ticket> next = finder.find(String.valueOf(t.getMergedIntoId()));
            if (next.isEmpty()) {
                break;
            }
            t = next.get();
        }
        return t;
    }

    private Ticket open(Actor actor, InboundMail mail, TicketType type, String description) {
        String title = SubjectLine.title(mail.subject(), NO_SUBJECT, Ticket.TITLE_MAX);
        return tickets.open(actor, new NewTicket(type.code(), title, description, null, null, null, null, null, null,
                null, TicketComment.Channel.MAIL));
    }

    private TicketType typeOf(InboundMail mail) {
        return incidentDecision.ticketType(mail.fromAddress(), mail.subject(), incidentRule.listedSender(mail),
                incidentRule.subjectMatches(mail));
    }

    private static String description(InboundMail mail, String followUpOf) {
        String text = mail.text() == null ? "" : mail.text().strip();
        if (followUpOf != null) {
            text = "이전 요청 " + followUpOf + "의 후속 요청입니다. / Follow-up of " + followUpOf + ".\n\n" + text;
        }
        return text.isEmpty() ? null : cut(text, Ticket.DESCRIPTION_MAX);
    }

    private static String replyBody(InboundMail mail, int max) {
        String body = ReplyText.newPart(mail.text());
        if (body.isBlank()) {
            body = mail.attachments().isEmpty() ? "(빈 메일 / empty mail)" : "(첨부 파일 / attachments only)";
        }
        return cut(body, max);
    }

    /** The mail's files: internal ones when the mail became a note, so that the requester never sees them. */
    private void attach(String author, Ticket ticket, InboundMail mail, boolean internal) {
        List<String> tooLarge = new ArrayList<>();
        for (InboundAttachment a : mail.attachments()) {
            if (a.overLimit() || a.size() > settings.attachmentMaxBytes()) {
                tooLarge.add(a.fileName() + " (" + a.size() + " bytes)");
            } else {
                tickets.attachFromMail(ticket.getKey(), author, a.fileName(), a.contentType(), a.content(), internal);
            }
        }
        if (!tooLarge.isEmpty()) {
            tickets.comment(Actor.SYSTEM, ticket.getKey(), SystemText.of("sys.mail.tooLarge", "크기 제한("
                    + settings.attachmentMaxBytes() + " bytes)을 넘어 저장하지 않은 첨부 파일 / Attachments over the size limit,"
                    + " not stored: " + String.join(", ", tooLarge), "maxBytes", settings.attachmentMaxBytes(),
                    "files", String.join(", ", tooLarge)), internal, TicketComment.Channel.MAIL);
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
