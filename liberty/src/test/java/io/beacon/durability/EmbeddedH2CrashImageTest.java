package io.beacon.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the H2 settings of Beacon's default database URL (server.xml), a commit is in the database
 * file when it returns, not handed to a background writer: two writers commit at the same instant and
 * nothing else happens (the last work before a crash), and a copy of the file taken right then, which
 * is what a kill -9 leaves, holds both. H2's default write delay fails this. (Coming back from the crash
 * is the other half: EmbeddedH2KillNineTest.)
 */
class EmbeddedH2CrashImageTest {
    private static final int ROUNDS = 25;

    @TempDir
    Path dir;

    private final ExecutorService writers = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() {
        writers.shutdownNow();
    }

    @Test
    void commitsRacingEachOtherAreInTheFileOnceTheyHaveReturned() throws Exception {
        JdbcDataSource live = dataSource(dir.resolve("live/db") + BeaconH2Url.settings());
        try (Connection c = live.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE note (id INT PRIMARY KEY, body VARCHAR(2000))");
        }
        List<Integer> missing = new ArrayList<>();
        try (Connection a = live.getConnection(); Connection b = live.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            for (int round = 0; round < ROUNDS; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                int first = round * 2000;
                Future<?> one = writers.submit(() -> commit(a, first, together));
                Future<?> other = writers.submit(() -> commit(b, first + 1000, together));
                one.get();
                other.get();
                for (int id : List.of(first, first + 1000)) {
                    if (!inCrashImage(round, id)) {
                        missing.add(id);
                    }
                }
            }
        }
        assertThat(missing).as("commits missing from the file after they returned").isEmpty();
    }

    /** A few hundred rows each, so that writing the store takes a moment; then both commit at once. */
    private static Void commit(Connection c, int firstId, CyclicBarrier together) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO note VALUES (?, ?)")) {
            for (int i = 0; i < 300; i++) {
                insert.setInt(1, firstId + i);
                insert.setString(2, "acknowledged " + "x".repeat(500));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        together.await();
        c.commit();
        return null;
    }

    /** The file as a kill -9 would leave it now: copied, opened, asked for the row. */
    private boolean inCrashImage(int round, int id) throws IOException, SQLException {
        Path copy = dir.resolve("crash-" + round + "-" + id);
        Files.createDirectories(copy);
        Files.copy(dir.resolve("live/db.mv.db"), copy.resolve("db.mv.db"));
        try (Connection c = dataSource(copy.resolve("db") + ";IFEXISTS=TRUE").getConnection();
                PreparedStatement q = c.prepareStatement("SELECT 1 FROM note WHERE id = ?")) {
            q.setInt(1, id);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }

    private static JdbcDataSource dataSource(String fileAndSettings) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + fileAndSettings);
        ds.setUser("beacon");
        ds.setPassword("");
        return ds;
    }
}
