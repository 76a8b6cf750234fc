package io.beacon.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Grows the ticket table of a MariaDB database by cloning its rows in SQL (INSERT ... SELECT, doubling),
 * as years of a desk would: most clones closed or resolved, spread over months, each with its own key,
 * and only one in a thousand kept for its original requester. Clone ids start at {@code base}, far
 * above what the id sequence hands out, so that they can be told apart (and deleted) later. Columns
 * are read from the schema, so a column added by a later migration is copied as it is.
 */
public final class TicketGrowth {
    private TicketGrowth() {}

    /** Grows to {@code target} tickets; returns how many there are. */
    public static long grow(Connection c, long target, long base) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, "ticket", null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        List<String> exprs = new ArrayList<>();
        for (String col : columns) {
            exprs.add(switch (col) {
                case "id" -> "s.n";
                case "ticket_key" -> "CONCAT(LEFT(s.ticket_key, 4), s.n)";
                case "title" -> "CONCAT(s.title, ' ', s.n MOD 9973)";
                case "status" -> "CASE WHEN s.n MOD 20 < 15 THEN 'CLOSED' WHEN s.n MOD 20 < 17 THEN 'RESOLVED' ELSE s.status END";
                case "created_at" -> "DATE_SUB(s.created_at, INTERVAL (s.n MOD 1051200) MINUTE)";
                case "updated_at" -> "DATE_SUB(s.updated_at, INTERVAL (s.n MOD 1051200) MINUTE)";
                case "requester_id" -> "CASE WHEN s.n MOD 1000 = 0 THEN s.requester_id ELSE NULL END";
                case "version" -> "0";
                default -> "s." + col;
            });
        }
        long count = count(c);
        try (Statement st = c.createStatement()) {
            while (count < target) {
                long batch = Math.min(count, target - count);
                long start;
                try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM ticket WHERE id >= " + base)) {
                    rs.next();
                    start = Math.max(base, rs.getLong(1) + 1);
                }
                String sql = "INSERT INTO ticket (" + String.join(", ", columns) + ") SELECT " + String.join(", ", exprs)
                        + " FROM (SELECT t.*, " + (start - 1) + " + ROW_NUMBER() OVER (ORDER BY t.id) AS n FROM ticket t"
                        + " ORDER BY t.id LIMIT " + batch + ") s";
                st.executeUpdate(sql);
                count = count(c);
            }
            recount(st);
            st.execute("ANALYZE TABLE ticket");
        }
        return count;
    }

    /** Deletes the clones (ids from {@code base} on). */
    public static void shrink(Connection c, long base) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM ticket WHERE id >= ?")) {
            ps.setLong(1, base);
            ps.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            recount(st);
        }
    }

    /** Rows written around Hibernate: the maintained counters (ticket_count) are rebuilt from the tickets. */
    private static void recount(Statement st) throws SQLException {
        st.executeUpdate("DELETE FROM ticket_count");
        st.executeUpdate("INSERT INTO ticket_count (status, type, priority, group_id, stripe, n)"
                + " SELECT status, type, priority, COALESCE(assignment_group_id, 0), MOD(id, 8), COUNT(*) FROM ticket"
                + " GROUP BY status, type, priority, COALESCE(assignment_group_id, 0), MOD(id, 8)");
    }

    public static long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM ticket")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
