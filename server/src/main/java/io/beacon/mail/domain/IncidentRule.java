package io.beacon.mail.domain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The mail settings' incident signals: whether a mail comes from a listed address or domain (a
 * monitoring system, a NOC mailbox), and whether its subject matches the pattern. The mailIncident
 * decision table turns them (and the mail) into the ticket type.
 */
public final class IncidentRule {
    public static final IncidentRule NONE = new IncidentRule(List.of(), null);

    private final List<String> senders;
    private final Pattern subject;

    /** {@code senders}: addresses ({@code noc@corp.kr}) or domains ({@code @monitor.corp.kr}). */
    public IncidentRule(List<String> senders, Pattern subject) {
        this.senders = senders.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        this.subject = subject;
    }

    public boolean listedSender(InboundMail mail) {
        String from = mail.fromAddress() == null ? "" : mail.fromAddress();
        for (String s : senders) {
            if (s.startsWith("@") ? from.endsWith(s) : from.equals(s)) {
                return true;
            }
        }
        return false;
    }

    public boolean subjectMatches(InboundMail mail) {
        return subject != null && mail.subject() != null && subject.matcher(mail.subject()).find();
    }
}
