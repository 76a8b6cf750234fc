package io.beacon.integrations.mail;

import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * Makes a failed mailbox poll visible in Beacon's log (Camel's own logging has no SLF4J binding
 * on Liberty, so it would be silent): the first failure and every tenth after it are logged, the
 * next poll simply tries again, and recovery is logged too. A poll begins only while this node may
 * poll (among core nodes: while it holds the mail lease), so that one node at a time reads the mailbox.
 */
final class MailPollFailures implements PollingConsumerPollStrategy {
    private static final Logger LOG = Logger.getLogger(MailPollFailures.class.getName());

    private final String mailbox;
    private final BooleanSupplier mayPoll;
    private int failuresInARow;

    MailPollFailures(String mailbox, BooleanSupplier mayPoll) {
        this.mailbox = mailbox;
        this.mayPoll = mayPoll;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return mayPoll.getAsBoolean();
    }

    @Override
    public synchronized void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        if (failuresInARow > 0) {
            LOG.info("Mailbox " + mailbox + " answers again after " + failuresInARow + " failed polls");
            failuresInARow = 0;
        }
    }

    @Override
    public synchronized boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        if (failuresInARow++ % 10 == 0) {
            LOG.log(Level.WARNING, "Cannot poll mailbox " + mailbox + " (" + failuresInARow + " failed polls in a row): "
                    + describe(cause));
        }
        return false; // no immediate retry: the next scheduled poll tries again
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getMessage() + (root == e ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")");
    }
}
