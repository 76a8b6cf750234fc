package io.beacon.integrations.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells a mail that keeps failing on its own from an outage. A failure leaves the mail unread
 * to be tried again; a failure counts against the mail only when other mails went through since
 * its previous failure. After {@code limit} such failures the mail itself is the problem and is
 * moved aside, so it cannot fail forever. During an outage nothing goes through, so nothing counts.
 */
final class PoisonMails {
    private static final int TRACKED = 1000;

    private final int limit;
    /** message id → {failures that counted, successes seen at its last failure} */
    private final Map<String, long[]> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > TRACKED;
        }
    };
    private long successes;

    PoisonMails(int limit) {
        this.limit = limit;
    }

    synchronized void succeeded(String messageId) {
        successes++;
        failures.remove(messageId);
    }

    /** Counts a failure; true when the mail has now failed {@code limit} times while others went through. */
    synchronized boolean failedAgainWhileOthersPass(String messageId) {
        long[] f = failures.get(messageId);
        if (f == null) {
            failures.put(messageId, new long[] {1, successes});
            return limit <= 1;
        }
        if (successes > f[1]) {
            f[0]++;
            f[1] = successes;
        }
        if (f[0] >= limit) {
            failures.remove(messageId);
            return true;
        }
        return false;
    }
}
