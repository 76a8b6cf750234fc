package io.beacon.mail.domain;

import java.util.List;
import java.util.Locale;

/**
 * One received mail, already decoded (headers, charsets, HTML turned into text) by the mail
 * channel, so that the rules here never see MIME. {@code messageId} is without angle brackets;
 * {@code authenticationResults} are the {@code Authentication-Results} header values, topmost first.
 */
public record InboundMail(String messageId, String inReplyTo, List<String> references, String fromAddress,
        String fromName, String subject, String text, List<InboundAttachment> attachments, MailSignals signals,
        List<String> authenticationResults) {

    public InboundMail {
        references = references == null ? List.of() : List.copyOf(references);
        authenticationResults = authenticationResults == null ? List.of()
                : authenticationResults.stream().filter(java.util.Objects::nonNull).toList();
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        fromAddress = fromAddress == null ? null : fromAddress.strip().toLowerCase(Locale.ROOT);
        signals = signals == null ? MailSignals.NONE : signals;
    }

    /** A mail without Authentication-Results. */
    public InboundMail(String messageId, String inReplyTo, List<String> references, String fromAddress,
            String fromName, String subject, String text, List<InboundAttachment> attachments, MailSignals signals) {
        this(messageId, inReplyTo, references, fromAddress, fromName, subject, text, attachments, signals, null);
    }

    /** Every Message-ID this mail answers: In-Reply-To first, then References from the newest back. */
    public List<String> threadIds() {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        if (inReplyTo != null && !inReplyTo.isBlank()) {
            ids.add(inReplyTo);
        }
        for (int i = references.size() - 1; i >= 0; i--) {
            ids.add(references.get(i));
        }
        return List.copyOf(ids);
    }
}
