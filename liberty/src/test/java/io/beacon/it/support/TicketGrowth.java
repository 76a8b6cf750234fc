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
 * as years of a desk would be: one clone in a hundred still open (new, assigned, in progress or
 * pending, from the last 30 days), one in twenty resolved, the rest closed, over two years; the
 * clones are spread over {@value #AGENTS} agents, {@value #GROUPS} groups and {@value #REQUESTERS}
 * requesters (created here), the demo agent, the demo's first group and the demo requester each
 * holding one share like the others, so that no one person or group holds most open tickets; one
 * open clone in four is unassigned. Clone ids (and the made-up people's) start at {@code base}, far
 * above what the id sequences hand out, so that they can be told apart (and deleted) later. Columns
 * are read from the schema, so a column added by a later migration is copied as it is (a generated
 * one is left to the database).
 */
public final class TicketGrowth {
    static final int AGENTS = 41;
    static final int GROUPS = 13;
    static final int REQUESTERS = 401;
    /** Out of {@value}: 0 new, 1 assigned, 2 in progress, 3 pending, 4..23 resolved, the rest closed. */
    static final int STATUS_CYCLE = 400;

    private TicketGrowth() {}

    /** Grows to {@code target} tickets; returns how many there are. */
    public static long grow(Connection c, long target, long base) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COLUMN_NAME, EXTRA FROM"
                + " information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'ticket' ORDER BY ORDINAL_POSITION")) {
            while (rs.next()) {
                if (rs.getString(2) == null || !rs.getString(2).toUpperCase(Locale.ROOT).contains("GENERATED")) {
                    columns.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        long agent = id(c, "SELECT id FROM app_user WHERE username = 'agent'");
        long group = id(c, "SELECT MIN(id) FROM user_group");
        long requester = id(c, "SELECT id FROM app_user WHERE username = 'requester'");
        addPeople(c, base);
        String r = "(s.n MOD " + STATUS_CYCLE + ")";
        // Open tickets are recent; finished ones reach two years back.
        String age = "INTERVAL (CASE WHEN " + r + " < 4 THEN s.n MOD 43200 ELSE s.n MOD 1051200 END) MINUTE";
        List<String> exprs = new ArrayList<>();
        for (String col : columns) {
            exprs.add(switch (col) {
                case "id" -> "s.n";
                case "ticket_key" -> "CONCAT(LEFT(s.ticket_key, 4), s.n)";
                case "title" -> "CONCAT(s.title, ' ', s.n MOD 9973)";
                case "status" -> "CASE " + r + " WHEN 0 THEN 'NEW' WHEN 1 THEN 'ASSIGNED' WHEN 2 THEN 'IN_PROGRESS'"
                        + " WHEN 3 THEN 'PENDING' ELSE CASE WHEN " + r + " < 24 THEN 'RESOLVED' ELSE 'CLOSED' END END";
                case "priority" -> "CASE WHEN s.n MOD 20 = 0 THEN 'P1' WHEN s.n MOD 20 < 4 THEN 'P2'"
                        + " WHEN s.n MOD 20 < 12 THEN 'P3' ELSE 'P4' END";
                case "created_at" -> "DATE_SUB(s.created_at, " + age + ")";
                case "updated_at" -> "DATE_SUB(s.updated_at, " + age + ")";
                case "resolved_at" -> "CASE WHEN " + r + " >= 4 THEN DATE_SUB(s.updated_at, " + age + ") END";
                case "closed_at" -> "CASE WHEN " + r + " >= 24 THEN DATE_SUB(s.updated_at, " + age + ") END";
                case "assignee_id" -> "CASE WHEN " + r + " = 0 OR s.n MOD 50 = 7 THEN NULL WHEN s.n MOD " + AGENTS + " = 0 THEN "
                        + agent + " ELSE " + base + " + s.n MOD " + AGENTS + " END";
                case "assignment_group_id" -> "CASE WHEN s.n MOD " + GROUPS + " = 0 THEN " + group + " ELSE "
                        + (base + 100) + " + s.n MOD " + GROUPS + " END";
                case "requester_id" -> "CASE WHEN s.n MOD " + REQUESTERS + " = 0 THEN " + requester + " ELSE "
                        + (base + 1000) + " + s.n MOD " + REQUESTERS + " END";
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

    /** The made-up agents ({@code base} + 1..), groups ({@code base} + 101..) and requesters ({@code base} + 1001..). */
    private static void addPeople(Connection c, long base) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (id(c, "SELECT COUNT(*) FROM app_user WHERE id BETWEEN " + base + " AND " + (base + 10_000)) > 0) {
                return;
            }
            StringBuilder users = new StringBuilder();
            for (int k = 1; k < AGENTS; k++) {
                users.append(users.isEmpty() ? "" : ", ").append(person(base + k, "scale-agent-" + base + "-" + k));
            }
            for (int k = 1; k < REQUESTERS; k++) {
                users.append(", ").append(person(base + 1000 + k, "scale-requester-" + base + "-" + k));
            }
            st.executeUpdate("INSERT INTO app_user (id, username, display_name, locale, time_zone, active, created_at, version)"
                    + " VALUES " + users);
            StringBuilder groups = new StringBuilder();
            for (int k = 1; k < GROUPS; k++) {
                groups.append(groups.isEmpty() ? "" : ", ").append("(").append(base + 100 + k).append(", 'scale-group-")
                        .append(base).append('-').append(k).append("', 0)");
            }
            st.executeUpdate("INSERT INTO user_group (id, name, version) VALUES " + groups);
        }
    }

    private static String person(long id, String username) {
        return "(" + id + ", '" + username + "', '" + username + "', 'en', 'UTC', TRUE, NOW(), 0)";
    }

    /** Deletes the clones (ids from {@code base} on). */
    public static void shrink(Connection c, long base) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM ticket WHERE id >= ?")) {
            ps.setLong(1, base);
            ps.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM user_group WHERE id BETWEEN " + base + " AND " + (base + 10_000));
            st.executeUpdate("DELETE FROM app_user WHERE id BETWEEN " + base + " AND " + (base + 10_000));
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

    /** How many tickets are open (not resolved or closed). */
    public static long open(Connection c) throws SQLException {
        return id(c, "SELECT COUNT(*) FROM ticket WHERE is_open = 1");
    }

    public static long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM ticket")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long id(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
