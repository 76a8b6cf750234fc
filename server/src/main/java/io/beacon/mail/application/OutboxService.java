package io.beacon.mail.application;

import io.beacon.mail.domain.Backoff;
import io.beacon.mail.domain.Outbox;
import io.beacon.mail.domain.OutboxMail;
import io.beacon.mail.MailSettings;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The outbox's bookkeeping, one short transaction per step, so that sending itself holds no transaction open. */
@ApplicationScoped
@Transactional
public class OutboxService {
    @Inject
    Outbox outbox;

    @Inject
    MailSettings settings;

    @Inject
    Clock clock;

    public List<OutgoingMailWithId> due(int max) {
        return outbox.due(clock.instant(), max).stream()
                .map(m -> new OutgoingMailWithId(m.getId(), new OutgoingMail(m.getRecipient(), m.getSubject(),
                        m.getBody(), m.getMessageId(), m.getInReplyTo(), m.getReferences(), m.getAutoSubmitted())))
                .toList();
    }

    public void sent(long id) {
        outbox.byId(id).ifPresent(m -> m.sent(clock.instant()));
    }

    /** Returns true when the mail was given up for good. */
    public boolean failed(long id, String error) {
        return outbox.byId(id).map(m -> {
            m.failed(error, backoff(), clock.instant());
            return m.getStatus() == OutboxMail.Status.FAILED;
        }).orElse(false);
    }

    public long pending() {
        return outbox.count(OutboxMail.Status.PENDING);
    }

    public Page<OutboxMail> list(String status, PageRequest page) {
        OutboxMail.Status s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = OutboxMail.Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new io.beacon.platform.domain.InvalidInputException("status", "must be pending, sent or failed");
            }
        }
        return outbox.list(s, page);
    }

    /** An administrator sends a failed mail once more (after fixing the mail server, say). */
    public OutboxMail retry(long id) {
        OutboxMail m = outbox.byId(id).orElseThrow(() -> new NotFoundException("outbox mail", String.valueOf(id)));
        if (m.getStatus() == OutboxMail.Status.SENT) {
            throw new ConflictException("status", "mail " + id + " was sent already");
        }
        m.retryNow(clock.instant());
        return m;
    }

    Backoff backoff() {
        return new Backoff(Duration.ofSeconds(settings.retrySeconds()), Duration.ofHours(1), settings.retryMax());
    }

    /** An outbox row's id with the mail to send. */
    public record OutgoingMailWithId(long id, OutgoingMail mail) {}
}
