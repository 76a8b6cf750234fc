package io.beacon.mail.application;

import io.beacon.identity.domain.User;
import io.beacon.identity.domain.UserGroup;
import io.beacon.mail.domain.InboundMail;
import io.beacon.mail.domain.MailRecord;
import io.beacon.mail.domain.MailRecords;
import io.beacon.mail.domain.MailScreening;
import io.beacon.mail.domain.MailTemplate;
import io.beacon.mail.domain.MailTemplates;
import io.beacon.mail.domain.Outbox;
import io.beacon.mail.domain.OutboxMail;
import io.beacon.mail.domain.TemplateKind;
import io.beacon.mail.domain.TemplateText;
import io.beacon.mail.MailSettings;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.ticket.application.TicketActivity;
import io.beacon.ticket.application.TicketFinder;
import io.beacon.ticket.application.TicketMention;
import io.beacon.identity.domain.Users;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketComment;
import io.beacon.ticket.domain.Tickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides which ticket activity is mailed to whom, and writes those mails into the outbox in
 * the very transaction of the activity (the observer runs inside it), so a committed change
 * never loses its mail and a rolled-back one never sends one. Internal notes are never mailed.
 */
@ApplicationScoped
public class MailNotifier implements MailNotifications {
    /** How many earlier Message-IDs a References header carries (the root plus the latest). */
    static final int MAX_REFERENCES = 10;

    @Inject
    MailSettings settings;

    @Inject
    Tickets tickets;

    @Inject
    TicketFinder finder;

    @Inject
    MailRecords records;

    @Inject
    MailTemplates templates;

    @Inject
    Outbox outbox;

    @Inject
    MailMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    Users users;

    void onActivity(@Observes TicketActivity activity) {
        if (settings.smtpUrl().isEmpty()) {
            return;
        }
        Optional<InboundMail> origin = MailOrigin.current();
        switch (activity.kind()) {
            case CREATED -> ticket(activity).ifPresent(t -> toRequester(TemplateKind.TICKET_OPENED, t, Map.of(), origin));
            case COMMENTED -> {
                // A public comment is mailed to the requester however it came (console, API, a participant's mail);
                // Beacon's own notes written while it reads a mail are not, nor the requester's own words.
                boolean ownNoteDuringIntake = origin.isPresent() && Actor.SYSTEM.username().equals(activity.actor());
                if (!activity.internal() && !ownNoteDuringIntake) {
                    ticket(activity).filter(t -> !t.isRequestedBy(activity.actor()))
                            .ifPresent(t -> publicComment(t, activity.commentId()));
                }
            }
            case CHANGED -> {
                boolean resolved = activity.changes().stream()
                        .anyMatch(c -> "status".equals(c.field()) && "resolved".equals(c.newValue()));
                if (resolved && origin.isEmpty()) {
                    ticket(activity).ifPresent(t -> toRequester(TemplateKind.TICKET_RESOLVED, t,
                            Map.of("resolution", Optional.ofNullable(t.getResolution()).orElse("")), origin));
                }
            }
            default -> {
                // attachments are not mailed one by one
            }
        }
    }

    /**
     * An agent named in an internal note hears of it by mail, in their own language. The mail is the desk's
     * only: it goes to the mentioned agent alone and stays out of the ticket's mail thread, so nothing of it
     * ever reaches the requester's replies.
     */
    void onMention(@Observes TicketMention mention) {
        if (settings.smtpUrl().isEmpty()) {
            return;
        }
        Optional<Ticket> ticket = tickets.byId(mention.ticketId());
        if (ticket.isEmpty()) {
            return;
        }
        Map<String, String> values = values(ticket.get());
        values.put("author", users.byUsername(mention.author()).map(u -> Optional.ofNullable(u.getDisplayName())
                .orElse(u.getUsername())).orElse(mention.author()));
        values.put("comment", mention.note());
        for (String name : mention.recipients()) {
            users.byUsername(name).filter(u -> u.getEmail() != null && !MailScreening.neverMail(u.getEmail()))
                    .ifPresent(u -> enqueueUnthreaded(TemplateKind.MENTIONED, ticket.get(), u.getEmail(),
                            u.getLocale() == null ? settings.defaultLocale() : u.getLocale(), values));
        }
    }

    private void enqueueUnthreaded(TemplateKind kind, Ticket t, String to, String locale, Map<String, String> values) {
        String loc = "en".equals(locale) ? "en" : "ko";
        Optional<MailTemplate> custom = templates.find(kind, loc);
        String subject = TemplateText.render(custom.map(MailTemplate::getSubject).orElse(kind.defaultSubject(loc)), values);
        String tag = "[" + t.getKey() + "]";
        if (!subject.contains(tag)) {
            subject = tag + " " + subject;
        }
        String body = TemplateText.render(custom.map(MailTemplate::getBody).orElse(kind.defaultBody(loc)), values);
        outbox.add(new OutboxMail(kind.code(), t.getId(), t.getKey(), to, subject, body, newMessageId(t.getKey()), null,
                null, kind.autoSubmitted(), clock.instant()));
    }

    @Override
    @Transactional
    public void slaEscalated(String ticketKey, String reason) {
        if (settings.smtpUrl().isEmpty()) {
            return;
        }
        Ticket t = finder.find(ticketKey).orElseThrow(() -> new NotFoundException("ticket", ticketKey));
        UserGroup group = t.getGroup();
        Set<String> to = new LinkedHashSet<>();
        String groupName = group == null ? "-" : group.getName();
        if (group != null) {
            if (group.getEmail() != null && !group.getEmail().isBlank()) {
                to.add(group.getEmail());
            } else {
                if (group.getLead() != null) {
                    to.add(group.getLead().getEmail());
                }
                group.getMembers().forEach(m -> to.add(m.getEmail()));
            }
        } else if (t.getAssignee() != null) {
            to.add(t.getAssignee().getEmail());
        }
        Map<String, String> values = values(t);
        values.put("group", groupName);
        values.put("reason", reason == null ? "" : reason);
        for (String address : to) {
            if (address != null && !MailScreening.neverMail(address)) {
                enqueue(TemplateKind.SLA_ESCALATED, t, address, settings.defaultLocale(), values, Optional.empty());
            }
        }
    }

    private void publicComment(Ticket t, Long commentId) {
        if (commentId == null) {
            return;
        }
        tickets.comments(t.getId(), false).stream().filter(c -> commentId.equals(c.getId())).findFirst()
                .ifPresent((TicketComment c) -> toRequester(TemplateKind.COMMENT_ADDED, t,
                        Map.of("comment", c.getBody(), "author", c.getAuthor()), Optional.empty()));
    }

    private void toRequester(TemplateKind kind, Ticket t, Map<String, String> extra, Optional<InboundMail> origin) {
        User requester = t.getRequester();
        if (requester == null || requester.getEmail() == null || MailScreening.neverMail(requester.getEmail())
                || requester.getEmail().equalsIgnoreCase(settings.from())) {
            return;
        }
        if (kind == TemplateKind.TICKET_OPENED && outbox.countSince(requester.getEmail(), kind.code(),
                clock.instant().minus(Duration.ofHours(1))) >= settings.ackMaxPerHour()) {
            metrics.ackSuppressed(); // a robot without Auto-Submitted opening ticket after ticket: stop answering it
            return;
        }
        Map<String, String> values = values(t);
        values.putAll(extra);
        String locale = requester.getLocale() == null ? settings.defaultLocale() : requester.getLocale();
        enqueue(kind, t, requester.getEmail(), locale, values, origin);
    }

    private void enqueue(TemplateKind kind, Ticket t, String to, String locale, Map<String, String> values,
            Optional<InboundMail> origin) {
        Instant now = clock.instant();
        String loc = "en".equals(locale) ? "en" : "ko";
        Optional<MailTemplate> custom = templates.find(kind, loc);
        String subject = TemplateText.render(custom.map(MailTemplate::getSubject).orElse(kind.defaultSubject(loc)), values);
        String tag = "[" + t.getKey() + "]";
        if (!subject.contains(tag)) {
            subject = tag + " " + subject; // the key in the subject is what threads a reply back
        }
        String body = TemplateText.render(custom.map(MailTemplate::getBody).orElse(kind.defaultBody(loc)), values);
        List<String> thread = new ArrayList<>();
        if (origin.isPresent()) {
            thread.addAll(origin.get().references());
            thread.add(origin.get().messageId());
        } else {
            records.thread(t.getId()).forEach(r -> thread.add(r.getMessageId()));
        }
        String inReplyTo = thread.isEmpty() ? null : thread.get(thread.size() - 1);
        String messageId = newMessageId(t.getKey());
        outbox.add(new OutboxMail(kind.code(), t.getId(), t.getKey(), to, subject, body, messageId, inReplyTo,
                references(thread), kind.autoSubmitted(), now));
        records.add(new MailRecord(messageId, MailRecord.Direction.OUT, t.getId(), "queued", settings.from(),
                subject, now));
    }

    /** The thread's root and its latest ids, as RFC 5322 §3.6.4 asks and clients that trim References keep. */
    static String references(List<String> thread) {
        if (thread.isEmpty()) {
            return null;
        }
        List<String> kept = thread.size() <= MAX_REFERENCES ? thread
                : concat(thread.get(0), thread.subList(thread.size() - (MAX_REFERENCES - 1), thread.size()));
        return String.join(" ", kept.stream().map(id -> "<" + id + ">").toList());
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    private String newMessageId(String key) {
        String from = settings.from();
        String domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "beacon.local";
        return "beacon." + key.toLowerCase(Locale.ROOT) + "." + UUID.randomUUID() + "@" + domain;
    }

    private Optional<Ticket> ticket(TicketActivity a) {
        return tickets.byId(a.ticketId());
    }

    private static Map<String, String> values(Ticket t) {
        Map<String, String> v = new HashMap<>();
        v.put("key", t.getKey());
        v.put("title", t.getTitle());
        v.put("status", t.getStatus().code());
        User r = t.getRequester();
        v.put("requester", r == null ? "" : Optional.ofNullable(r.getDisplayName()).orElse(r.getUsername()));
        return v;
    }
}
