package io.beacon.mail.domain;

import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The mails waiting to be sent, sent, or given up. */
public interface Outbox {
    OutboxMail add(OutboxMail mail);

    Optional<OutboxMail> byId(long id);

    /** Pending mails whose next attempt is due, oldest first. */
    List<OutboxMail> due(Instant now, int max);

    /** Newest first; {@code status} null for all. */
    Page<OutboxMail> list(OutboxMail.Status status, PageRequest page);

    long count(OutboxMail.Status status);

    /** How many mails of this kind were queued for this recipient since then. */
    long countSince(String recipient, String kind, Instant since);
}
