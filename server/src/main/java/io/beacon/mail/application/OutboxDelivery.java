package io.beacon.mail.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the outbox through a {@link MailSender}, one connection per round: each due mail is sent
 * outside any transaction, then marked sent, or failed with its next attempt pushed back. A crash between
 * sending and marking sends that mail again (at least once; its Message-ID lets clients fold the copy).
 */
@ApplicationScoped
public class OutboxDelivery {
    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());
    static final int BATCH = 50;

    @Inject
    OutboxService outbox;

    @Inject
    MailMetrics metrics;

    /**
     * Sends what is due over one connection, opened when the first mail is due; returns how many were sent.
     * After a failure the next mail opens a fresh connection, since the failed one may be in any state.
     */
    public int deliverDue(MailSender sender) {
        int sent = 0;
        MailSender.Connection connection = null;
        try {
            for (OutboxService.OutgoingMailWithId due : outbox.due(BATCH)) {
                try {
                    if (connection == null) {
                        connection = sender.connect();
                    }
                    connection.send(due.mail());
                    outbox.sent(due.id());
                    metrics.sent();
                    sent++;
                } catch (Exception e) {
                    if (connection != null) {
                        connection.close();
                        connection = null;
                    }
                    metrics.sendFailed();
                    String error = describe(e);
                    boolean gaveUp = outbox.failed(due.id(), error);
                    LOG.log(gaveUp ? Level.WARNING : Level.INFO, "Mail " + due.id() + " to " + due.mail().to()
                            + (gaveUp ? " given up: " : " not sent, will retry: ") + error);
                    if (unreachable(e)) {
                        break; // the server is down: the rest would fail the same way, keep their attempts for later
                    }
                }
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        metrics.outboxDepth(outbox.pending());
        return sent;
    }

    /** The failure with its root cause (an SMTP error wraps the TLS or socket error that explains it). */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? top : top + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
