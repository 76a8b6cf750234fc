package io.beacon.it.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of each ticket list, count and lookup the API and the console send, as Hibernate writes it
 * (JpaTickets), with the demo users' and groups' ids filled in: what EXPLAIN is run on and what the
 * benchmark times as "SQL alone".
 */
public final class TicketQueryShapes {
    private TicketQueryShapes() {}

    static final String OPEN = "('NEW','ASSIGNED','IN_PROGRESS','PENDING')";
    static final String PAGE = " LIMIT 50";

    /** Name to SQL, in the order of the console's queues. */
    public static Map<String, String> all(Connection c) throws SQLException {
        long agent = id(c, "SELECT id FROM app_user WHERE username = 'agent'");
        long requester = id(c, "SELECT id FROM app_user WHERE username = 'requester'");
        long group = id(c, "SELECT MIN(assignment_group_id) FROM ticket WHERE assignment_group_id IS NOT NULL");
        Map<String, String> q = new LinkedHashMap<>();
        q.put("open incidents by priority", "SELECT t.* FROM ticket t WHERE t.type = 'INCIDENT' AND t.status IN " + OPEN
                + " ORDER BY t.priority, t.id" + PAGE);
        q.put("all, newest activity first", "SELECT t.* FROM ticket t ORDER BY t.updated_at DESC, t.id DESC" + PAGE);
        q.put("all, newest first", "SELECT t.* FROM ticket t ORDER BY t.created_at DESC, t.id DESC" + PAGE);
        q.put("all by priority", "SELECT t.* FROM ticket t ORDER BY t.priority, t.id" + PAGE);
        q.put("all by key", "SELECT t.* FROM ticket t ORDER BY t.id DESC" + PAGE);
        q.put("one status by activity", "SELECT t.* FROM ticket t WHERE t.status = 'NEW' ORDER BY t.updated_at DESC, t.id DESC" + PAGE);
        q.put("one status by priority", "SELECT t.* FROM ticket t WHERE t.status = 'NEW' ORDER BY t.priority, t.id" + PAGE);
        q.put("one status, newest first", "SELECT t.* FROM ticket t WHERE t.status = 'NEW' ORDER BY t.created_at DESC, t.id DESC" + PAGE);
        q.put("mine (assignee), open", "SELECT t.* FROM ticket t JOIN app_user a ON a.id = t.assignee_id WHERE a.username = 'agent'"
                + " AND t.status IN " + OPEN + " ORDER BY t.updated_at DESC, t.id DESC" + PAGE);
        q.put("unassigned, open", "SELECT t.* FROM ticket t WHERE t.assignee_id IS NULL AND t.status IN " + OPEN
                + " ORDER BY t.updated_at DESC, t.id DESC" + PAGE);
        q.put("one group, open", "SELECT t.* FROM ticket t WHERE t.assignment_group_id = " + group + " AND t.status IN " + OPEN
                + " ORDER BY t.updated_at DESC, t.id DESC" + PAGE);
        q.put("a requester's own", "SELECT t.* FROM ticket t JOIN app_user r ON r.id = t.requester_id WHERE r.username = 'requester'"
                + " ORDER BY t.updated_at DESC, t.id DESC" + PAGE);
        q.put("next page after a cursor", "SELECT t.* FROM ticket t WHERE (t.updated_at < '2025-06-01 00:00:00'"
                + " OR (t.updated_at = '2025-06-01 00:00:00' AND t.id < 1000)) ORDER BY t.updated_at DESC, t.id DESC" + PAGE);
        q.put("counts per status (counters)", "SELECT c.status, SUM(c.n) FROM ticket_count c GROUP BY c.status");
        q.put("counts, open incidents (counters)", "SELECT c.status, SUM(c.n) FROM ticket_count c WHERE c.type IN ('INCIDENT')"
                + " AND c.status IN " + OPEN + " GROUP BY c.status");
        q.put("counts, one group (counters)", "SELECT c.status, SUM(c.n) FROM ticket_count c WHERE c.group_id = " + group
                + " GROUP BY c.status");
        q.put("counts, mine (index)", "SELECT t.status, COUNT(t.id) FROM ticket t JOIN app_user a ON a.id = t.assignee_id"
                + " WHERE a.username = 'agent' AND t.status IN " + OPEN + " GROUP BY t.status");
        q.put("counts, unassigned (index)", "SELECT t.status, COUNT(t.id) FROM ticket t WHERE t.assignee_id IS NULL AND t.status IN "
                + OPEN + " GROUP BY t.status");
        q.put("ticket by key", "SELECT t.* FROM ticket t WHERE t.ticket_key = 'INC-1'");
        q.put("mine count", "SELECT COUNT(t.id) FROM ticket t WHERE t.assignee_id = " + agent + " AND t.status IN " + OPEN);
        q.put("a requester's count", "SELECT COUNT(t.id) FROM ticket t WHERE t.requester_id = " + requester);
        return q;
    }

    /** EXPLAIN's rows, one line each: table, type, key, rows, Extra. */
    public static List<Map<String, String>> explain(Connection c, String sql) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    public static String describe(List<Map<String, String>> plan) {
        StringBuilder b = new StringBuilder();
        for (Map<String, String> r : plan) {
            b.append(String.format("      %-6s type=%-6s key=%-28s rows=%-8s %s%n", r.get("table"), r.get("type"), r.get("key"),
                    r.get("rows"), r.get("Extra") == null ? "" : r.get("Extra")));
        }
        return b.toString();
    }

    private static long id(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
