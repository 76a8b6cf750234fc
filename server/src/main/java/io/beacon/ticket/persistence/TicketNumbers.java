package io.beacon.ticket.persistence;

import io.beacon.ticket.domain.TicketType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ticket numbers handed out from blocks this node reserved ({@link TicketNumberBlocks}), in order: a
 * block's commit is one durable write for {@value #BLOCK} tickets instead of one per ticket (it was a
 * quarter of what creating a ticket cost on the embedded database). A clean stop gives the unused end
 * of each block back; a crash leaves a gap of at most {@value #BLOCK} - 1 numbers, never a number
 * given twice. Core nodes each hold their own blocks, so numbers from two nodes interleave.
 */
@ApplicationScoped
public class TicketNumbers {
    private static final Logger LOG = Logger.getLogger(TicketNumbers.class.getName());
    static final int BLOCK = 20;

    @Inject
    TicketNumberBlocks counter;

    /** Per type, the numbers reserved and not yet handed out: next..last (empty when next > last). */
    private final Map<TicketType, long[]> blocks = new EnumMap<>(TicketType.class);

    /** The first of {@code count} consecutive numbers, now the caller's alone. */
    public synchronized long next(TicketType type, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        long[] block = blocks.get(type);
        if (block == null || block[1] - block[0] + 1 < count) {
            long first = counter.reserve(type, Math.max(BLOCK, count));
            long last = first + Math.max(BLOCK, count) - 1;
            // What is left of the old block joins the new one when nobody reserved in between (one node: always).
            boolean joins = block != null && block[0] <= block[1] && block[1] + 1 == first;
            block = new long[] {joins ? block[0] : first, last};
            blocks.put(type, block);
        }
        long first = block[0];
        block[0] += count;
        return first;
    }

    /** As the application stops, while the database is still open (it is closed by the time beans are destroyed). */
    void giveBackAtStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        giveBack();
    }

    synchronized void giveBack() {
        blocks.forEach((type, block) -> {
            if (block[0] <= block[1]) {
                try {
                    boolean given = counter.giveBack(type, block[0], block[1]);
                    LOG.info((given ? "Gave back " : "Could not give back (reserved after) ") + type.code() + " numbers "
                            + block[0] + ".." + block[1]);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not give back " + type.code() + " numbers " + block[0] + ".." + block[1], e);
                }
            }
        });
        blocks.clear();
    }
}
