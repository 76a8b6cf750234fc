package io.beacon.mail.application;

import io.beacon.mail.domain.InboundMail;
import java.util.Optional;

/**
 * The mail being turned into ticket activity on this thread, if any: notifications for that
 * activity thread onto it (the acknowledgement answers it) and are not echoed back to its sender.
 */
final class MailOrigin {
    private static final ThreadLocal<InboundMail> CURRENT = new ThreadLocal<>();

    private MailOrigin() {}

    static void begin(InboundMail mail) {
        CURRENT.set(mail);
    }

    static void end() {
        CURRENT.remove();
    }

    static Optional<InboundMail> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
