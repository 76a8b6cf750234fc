package io.beacon.mail.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The Message-IDs Beacon has received and sent. */
public interface MailRecords {
    MailRecord add(MailRecord record);

    Optional<MailRecord> byMessageId(String messageId);

    /** The first of these ids that belongs to a ticket, in the order given. */
    Optional<MailRecord> firstWithTicket(Collection<String> messageIds);

    /** A ticket's thread, oldest first. */
    List<MailRecord> thread(long ticketId);
}
