package io.beacon.durability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process EmbeddedH2KillNineTest kills. It opens the database as Beacon would after a crash, says
 * which of the commits acknowledged by its predecessors are gone, then commits from several threads
 * what a busy desk commits (Korean text, large values, rows inserted and deleted so that the store
 * reuses its space) and acknowledges each commit on standard output once it has returned.
 */
public final class CommitWriter {
    private CommitWriter() {
    }

    /** Arguments: JDBC URL, file of acknowledged ids, writer threads (0: check only). */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path acknowledged = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        try (Connection c = DriverManager.getConnection(url, "beacon", "")) {
            createTables(c);
            System.out.println("MISSING " + missing(c, acknowledged));
            System.out.flush();
        }
        AtomicLong nextId = new AtomicLong(System.currentTimeMillis() * 1000);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread writer = new Thread(() -> commitUntilKilled(url, nextId), "writer-" + t);
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }

    private static void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS ticket (id BIGINT PRIMARY KEY, grp INT, title VARCHAR(400),"
                    + " body CLOB, attachment BLOB, edits INT DEFAULT 0)");
            s.execute("CREATE INDEX IF NOT EXISTS ticket_grp ON ticket (grp)");
            // Keys from an uncached sequence, as Beacon's migrations set them up on H2 (V9_3): a cached H2
            // sequence (the default, also behind AUTO_INCREMENT) can hand out committed values again after a kill.
            s.execute("CREATE SEQUENCE IF NOT EXISTS job_seq START WITH 1 INCREMENT BY 1 NOCACHE");
            s.execute("CREATE TABLE IF NOT EXISTS job (id BIGINT PRIMARY KEY, payload VARCHAR(2000))");
        }
    }

    /** Acknowledged ids that are not in the table, as "count [first few]". */
    private static String missing(Connection c, Path acknowledged) throws Exception {
        Set<Long> present = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id FROM ticket")) {
            while (r.next()) {
                present.add(r.getLong(1));
            }
        }
        List<Long> gone = new ArrayList<>();
        if (Files.exists(acknowledged)) {
            for (String line : Files.readAllLines(acknowledged)) {
                if (!line.isBlank()) {
                    long id = Long.parseLong(line.trim());
                    if (!present.contains(id)) {
                        gone.add(id);
                    }
                }
            }
        }
        return gone.size() + " " + gone.subList(0, Math.min(5, gone.size()));
    }

    private static void commitUntilKilled(String url, AtomicLong nextId) {
        Random random = new Random();
        try (Connection c = DriverManager.getConnection(url, "beacon", "");
                PreparedStatement ticket = c.prepareStatement(
                        "INSERT INTO ticket (id, grp, title, body, attachment) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement edit = c.prepareStatement(
                        "UPDATE ticket SET edits = edits + 1, title = ? WHERE grp = ? AND id > ?");
                PreparedStatement job = c.prepareStatement("INSERT INTO job (id, payload) VALUES (NEXT VALUE FOR job_seq, ?)");
                PreparedStatement jobsDone = c.prepareStatement(
                        "DELETE FROM job WHERE id < (SELECT MAX(id) - 200 FROM job)")) {
            c.setAutoCommit(false);
            while (true) {
                long id = nextId.incrementAndGet();
                int group = random.nextInt(50);
                ticket.setLong(1, id);
                ticket.setInt(2, group);
                ticket.setString(3, "메일서버장애 " + id + " " + "가".repeat(random.nextInt(100)));
                ticket.setString(4, "본문 ".repeat(random.nextInt(300)));
                byte[] attachment = new byte[random.nextInt(20) == 0 ? random.nextInt(8000) : random.nextInt(100)];
                random.nextBytes(attachment);
                ticket.setBytes(5, attachment);
                ticket.executeUpdate();
                for (int i = 0; i < 3; i++) {
                    job.setString(1, "j".repeat(random.nextInt(1500)));
                    job.executeUpdate();
                }
                if (random.nextInt(4) == 0) {
                    edit.setString(1, "수정 " + id);
                    edit.setInt(2, group);
                    edit.setLong(3, id - 20);
                    edit.executeUpdate();
                }
                if (random.nextInt(10) == 0) {
                    jobsDone.executeUpdate();
                }
                c.commit();
                synchronized (System.out) {
                    System.out.println("ACK " + id);
                }
            }
        } catch (SQLException e) {
            // e.g. an id handed out again after the crash: the database forgot a committed sequence value
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            synchronized (System.out) {
                System.out.println("ERROR " + message.substring(0, Math.min(200, message.length())));
            }
        }
    }
}
