package io.beacon.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two or three nodes' leases over one store, stepped on a controlled clock (renew 3 s, expire 10 s). */
class LeaseTest {
    static final long RENEW = TimeUnit.SECONDS.toNanos(3);
    static final long EXPIRE = TimeUnit.SECONDS.toNanos(10);

    /** The clock every node reads; each node steps when its own lease says it is due. */
    long now = 1_000_000_000L;
    final RowStore store = new RowStore();

    Lease node(String name) {
        return new Lease("correlation", name, store, () -> now, RENEW, EXPIRE);
    }

    @Test
    void theFirstNodeTakesAFreeLeaseAndTheSecondStandsBy() {
        Lease a = node("a");
        Lease b = node("b");
        a.step();
        b.step();
        assertEquals(1, a.heldEpoch());
        assertEquals(0, b.heldEpoch());
        for (int i = 0; i < 20; i++) { // a renews every 3 s for a minute: b never takes over
            now += RENEW;
            a.step();
            b.step();
        }
        assertEquals(1, a.heldEpoch());
        assertEquals(0, b.heldEpoch());
    }

    @Test
    void aStandbyTakesOverWithinFifteenSecondsOfTheHoldersLastRenewal() {
        Lease a = node("a");
        Lease b = node("b");
        a.step();
        now += RENEW - 1; // the standby looks just before the holder's next renewal: the worst case
        b.step();
        now += 1;
        a.step(); // a's last renewal, then it dies
        long died = now;
        long bDue = now;
        while (b.heldEpoch() == 0) {
            now = bDue;
            bDue = now + b.step();
            assertTrue(now - died < TimeUnit.SECONDS.toNanos(15), "no takeover within 15 s");
        }
        assertEquals(2, b.heldEpoch());
        assertTrue(now - died >= EXPIRE, "took over before the lease could have expired");
        assertEquals(0, a.heldEpoch(), "a's own view also ran out");
    }

    @Test
    void aFormerHoldersFencedWriteIsRefusedAfterATakeover() {
        Lease a = node("a");
        Lease b = node("b");
        a.step();
        b.step();
        store.rows.put("correlation", new LeaseRow("b", 2, 0)); // b took over while a was paused (a long GC)
        assertThrows(LeadershipLostException.class, () -> a.fence(Duty.CORRELATION));
        assertEquals(0, a.heldEpoch());
        a.step();
        assertEquals(0, a.heldEpoch(), "a stands by under b");
    }

    @Test
    void theHoldersFencedWritePasses() {
        Lease a = node("a");
        a.step();
        a.fence(Duty.CORRELATION);
        assertEquals(1, store.fencedWrites);
    }

    @Test
    void aHolderCutOffFromTheDatabaseStopsAtTheExpiryOfItsLastRenewal() {
        Lease a = node("a");
        a.step();
        long renewed = now;
        store.down = true;
        now += RENEW;
        a.step();
        assertEquals(1, a.heldEpoch(), "still within the lease");
        now = renewed + EXPIRE;
        assertEquals(0, a.heldEpoch(), "a standby may take over from now on");
        assertThrows(LeadershipLostException.class, () -> a.fence(Duty.CORRELATION));
    }

    @Test
    void aReleasedLeaseIsTakenAtTheStandbysNextStep() {
        Lease a = node("a");
        Lease b = node("b");
        a.step();
        b.step();
        a.release();
        now += RENEW;
        b.step();
        assertEquals(2, b.heldEpoch());
    }

    @Test
    void aRestartedNodeTakesBackItsOwnLeaseAtOnceWithANewEpoch() {
        node("a").step();
        Lease restarted = node("a");
        restarted.step();
        assertEquals(2, restarted.heldEpoch());
    }

    @Test
    void twoStandbysRacingForTheSameExpiredLeaseMakeOneHolder() {
        Lease a = node("a");
        Lease b = node("b");
        Lease c = node("c");
        a.step();
        b.step();
        c.step();
        now += EXPIRE;
        b.step();
        c.step();
        assertEquals(2, b.heldEpoch() + c.heldEpoch(), "exactly one holds epoch 2");
        assertTrue(b.heldEpoch() == 0 || c.heldEpoch() == 0);
    }

    @Test
    void aStandbyWhoseDatabaseFailsAWhileStillTakesOverOnTimeWhenTheRowStayedUnchanged() {
        Lease b = node("b");
        store.rows.put("correlation", new LeaseRow("a", 1, 7));
        long firstSeen = now;
        b.step(); // sees the row
        store.down = true; // its database node dies (a Galera node, say); the holder is gone too
        for (int i = 0; i < 3; i++) {
            now += RENEW;
            b.step();
        }
        store.down = false;
        while (b.heldEpoch() == 0) {
            now += RENEW;
            b.step();
        }
        assertTrue(now - firstSeen <= EXPIRE + RENEW, "took over " + (now - firstSeen) / 1e9 + " s after first seeing the row");
    }

    @Test
    void aRenewalDuringTheStandbysDatabaseFailureIsSeenAfterIt() {
        Lease b = node("b");
        store.rows.put("correlation", new LeaseRow("a", 1, 7));
        b.step();
        store.down = true;
        now += EXPIRE - RENEW;
        b.step();
        store.rows.put("correlation", new LeaseRow("a", 1, 8)); // the holder renewed meanwhile
        store.down = false;
        now += 2 * RENEW;
        b.step();
        assertEquals(0, b.heldEpoch(), "a renewed lease is not taken over");
    }

    @Test
    void aRowThatKeepsChangingIsNeverTakenOver() {
        Lease b = node("b");
        store.rows.put("correlation", new LeaseRow("a", 1, 0));
        for (int beat = 1; beat < 30; beat++) {
            b.step();
            now += RENEW;
            store.rows.put("correlation", new LeaseRow("a", 1, beat));
        }
        assertFalse(b.heldEpoch() != 0);
    }

    /** The conditional updates of {@code LeaseStatements}, over a map. */
    static final class RowStore implements LeaseStore {
        final Map<String, LeaseRow> rows = new HashMap<>();
        boolean down;
        int fencedWrites;

        private void reachable() {
            if (down) {
                throw new IllegalStateException("the database does not answer");
            }
        }

        @Override
        public Optional<LeaseRow> read(String name) {
            reachable();
            return Optional.ofNullable(rows.get(name));
        }

        @Override
        public boolean create(String name, String holder) {
            reachable();
            return rows.putIfAbsent(name, new LeaseRow(holder, 1, 0)) == null;
        }

        @Override
        public boolean renew(String name, String holder, long epoch) {
            reachable();
            LeaseRow r = rows.get(name);
            if (r == null || !r.holder().equals(holder) || r.epoch() != epoch) {
                return false;
            }
            rows.put(name, new LeaseRow(holder, epoch, r.beat() + 1));
            return true;
        }

        @Override
        public boolean takeOver(String name, String holder, LeaseRow seen) {
            reachable();
            if (!seen.equals(rows.get(name))) {
                return false;
            }
            rows.put(name, new LeaseRow(holder, seen.epoch() + 1, 0));
            return true;
        }

        @Override
        public boolean release(String name, String holder, long epoch) {
            reachable();
            LeaseRow r = rows.get(name);
            if (r == null || !r.holder().equals(holder) || r.epoch() != epoch) {
                return false;
            }
            rows.put(name, new LeaseRow("", epoch, r.beat() + 1));
            return true;
        }

        @Override
        public boolean fence(String name, String holder, long epoch) {
            reachable();
            LeaseRow r = rows.get(name);
            boolean holds = r != null && r.holder().equals(holder) && r.epoch() == epoch;
            if (holds) {
                fencedWrites++;
            }
            return holds;
        }
    }
}
