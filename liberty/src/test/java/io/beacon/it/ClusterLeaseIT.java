package io.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.JdbcLeaseStore;
import io.beacon.platform.cluster.Duty;
import io.beacon.platform.cluster.Lease;
import io.beacon.platform.cluster.LeaseRow;
import io.beacon.platform.cluster.LeadershipLostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two lease holders on the server's MariaDB database (its migrated {@code cluster_lease} table),
 * each on its own connection and thread with Beacon's default timing (renew 3 s, expire 10 s):
 * only one leads; when it stops renewing (as a {@code kill -9} would), the other takes over within
 * 15 s; a write fenced with the stale epoch rolls back, one with the new epoch commits; and a
 * takeover waits for a fenced transaction still open, then wins.
 */
@ExtendWith(BeaconServerExtension.class)
class ClusterLeaseIT {
    static final long RENEW = TimeUnit.SECONDS.toNanos(3);
    static final long EXPIRE = TimeUnit.SECONDS.toNanos(10);

    /** A node: its own connection and thread stepping its lease until stopped. */
    static final class Node implements AutoCloseable {
        final Connection connection;
        final Lease lease;
        final Thread thread;
        volatile boolean running = true;

        Node(BeaconServer server, String leaseName, String name) throws Exception {
            connection = server.mariadbConnection();
            lease = new Lease(leaseName, name, new JdbcLeaseStore(connection), System::nanoTime, RENEW, EXPIRE);
            thread = new Thread(() -> {
                while (running) {
                    long next = lease.step();
                    try {
                        TimeUnit.NANOSECONDS.sleep(next);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "lease-" + name);
            thread.start();
        }

        boolean holds() {
            return lease.heldEpoch() != 0;
        }

        /** Stops renewing without releasing, as a killed node does. */
        void die() throws Exception {
            running = false;
            thread.interrupt();
            thread.join();
        }

        @Override
        public void close() throws Exception {
            die();
            connection.close();
        }
    }

    @Test
    void oneLeadsTheOtherTakesOverWithinFifteenSecondsAndStaleWritesAreRefused(BeaconServer server) throws Exception {
        assumeTrue("mariadb".equals(server.database()), "the lease is proven on MariaDB");
        String name = "it-" + System.nanoTime();
        try (Node a = new Node(server, name, "node-a")) {
            awaitHolder(a, TimeUnit.SECONDS.toNanos(5));
            try (Node b = new Node(server, name, "node-b")) {
                // Watch both for more than an expiry: never two holders, always the first.
                long until = System.nanoTime() + EXPIRE + RENEW;
                while (System.nanoTime() < until) {
                    assertTrue(a.holds(), "the first holder keeps renewing");
                    assertFalse(b.holds(), "two nodes led at once");
                    Thread.sleep(50);
                }
                a.die();
                long died = System.nanoTime();
                awaitHolder(b, TimeUnit.SECONDS.toNanos(15));
                long takeover = System.nanoTime() - died;
                System.out.printf("LEASE takeover after the holder stopped: %.1f s (renew 3 s, expire 10 s)%n",
                        takeover / 1e9);
                assertTrue(takeover < TimeUnit.SECONDS.toNanos(15), "takeover took " + takeover / 1e9 + " s");

                assertEquals(2, b.lease.heldEpoch());
                assertFalse(fencedProbe(server, name, "node-a", 1), "the stale epoch's write committed");
                assertTrue(fencedProbe(server, name, "node-b", 2), "the holder's fenced write rolled back");
                assertThrows(LeadershipLostException.class, () -> a.lease.fence(Duty.CORRELATION),
                        "the former holder still thinks it holds the lease");
            }
        }
    }

    @Test
    void aTakeoverWaitsForTheHoldersOpenFencedTransactionThenWins(BeaconServer server) throws Exception {
        assumeTrue("mariadb".equals(server.database()), "the lease is proven on MariaDB");
        String name = "it-" + System.nanoTime();
        try (Connection holder = server.mariadbConnection(); Connection standby = server.mariadbConnection()) {
            JdbcLeaseStore held = new JdbcLeaseStore(holder);
            JdbcLeaseStore waiting = new JdbcLeaseStore(standby);
            assertTrue(held.create(name, "node-a"));
            LeaseRow seen = waiting.read(name).orElseThrow();
            holder.setAutoCommit(false);
            assertTrue(held.fence(name, "node-a", 1));
            CompletableFuture<Boolean> takeover = CompletableFuture.supplyAsync(() -> waiting.takeOver(name, "node-b", seen));
            Thread.sleep(500);
            assertFalse(takeover.isDone(), "the takeover did not wait for the holder's open transaction");
            holder.commit(); // the holder's write is in, made while it held the lease
            assertTrue(takeover.get(30, TimeUnit.SECONDS), "the takeover failed after the holder's commit");
            assertFalse(held.fence(name, "node-a", 1), "the former holder's next write was not refused");
            holder.rollback();
        }
    }

    /** A transaction that writes a probe row and is fenced with this holder and epoch; answers whether the probe committed. */
    private static boolean fencedProbe(BeaconServer server, String lease, String holder, long epoch) throws Exception {
        String probe = lease + "-" + holder;
        try (Connection c = server.mariadbConnection()) {
            JdbcLeaseStore store = new JdbcLeaseStore(c);
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO cluster_lease (name, holder, epoch, beat, fenced_writes)"
                    + " VALUES (?, 'probe', 0, 0, 0)")) {
                s.setString(1, probe);
                s.executeUpdate();
            }
            if (store.fence(lease, holder, epoch)) {
                c.commit();
            } else {
                c.rollback();
            }
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM cluster_lease WHERE name = ?")) {
                s.setString(1, probe);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1) == 1;
                }
            }
        }
    }

    private static void awaitHolder(Node node, long withinNanos) throws InterruptedException {
        long until = System.nanoTime() + withinNanos;
        while (!node.holds()) {
            assertTrue(System.nanoTime() < until, node.thread.getName() + " did not take the lease in time");
            Thread.sleep(20);
        }
    }
}
