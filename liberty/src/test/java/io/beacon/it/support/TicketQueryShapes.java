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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of each ticket list, count and lookup the API and the console send, as Hibernate writes it
 * (JpaTickets), with the demo users' and groups' ids filled in: what EXPLAIN is run on and what the
 * benchmark times as "SQL alone".
 */
public final class TicketQueryShapes {
    private TicketQueryShapes() {}

    static final String OPEN = "t.is_open = 1";
    static final String PAGE = " LIMIT 50";

    /** Name to SQL, in the order of the console's queues: each queue with each sort its list offers, then counts and lookups. */
    public static Map<String, String> all(Connection c) throws SQLException {
        long agent = id(c, "SELECT id FROM app_user WHERE username = 'agent'");
        long requester = id(c, "SELECT id FROM app_user WHERE username = 'requester'");
        long group = id(c, "SELECT MIN(id) FROM user_group");
        String myGroups = ids(c, "SELECT m.group_id FROM user_group_member m JOIN user_group g ON g.id = m.group_id"
                + " WHERE m.user_id = " + agent + " OR g.lead_id = " + agent);
        // Queue name to its FROM and WHERE (JpaTickets: the open statuses as a whole are the is_open flag).
        Map<String, String[]> queues = new LinkedHashMap<>();
        queues.put("open incidents", new String[] {"", "t.type = 'INCIDENT' AND " + OPEN});
        queues.put("mine", new String[] {" JOIN app_user a ON a.id = t.assignee_id", "a.username = 'agent' AND " + OPEN});
        queues.put("my groups", new String[] {"", "t.assignment_group_id IN (" + myGroups + ") AND " + OPEN});
        queues.put("unassigned", new String[] {"", "t.assignee_id IS NULL AND " + OPEN});
        queues.put("all", new String[] {"", ""});
        queues.put("all open", new String[] {"", OPEN});
        queues.put("one status (new)", new String[] {"", "t.status = 'NEW'"});
        queues.put("open incidents, P1", new String[] {"", "t.type = 'INCIDENT' AND " + OPEN + " AND t.priority IN ('P1')"});
        queues.put("a requester's open", new String[] {" JOIN app_user r ON r.id = t.requester_id", "r.username = 'requester' AND " + OPEN});
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("priority", "t.priority, t.id");
        sorts.put("-updatedAt", "t.updated_at DESC, t.id DESC");
        sorts.put("-createdAt", "t.created_at DESC, t.id DESC");
        sorts.put("-key", "t.id DESC");
        sorts.put("title", "t.title, t.id");
        sorts.put("status", "t.status, t.id");
        Map<String, String> q = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> queue : queues.entrySet()) {
            String where = queue.getValue()[1].isEmpty() ? "" : " WHERE " + queue.getValue()[1];
            for (Map.Entry<String, String> sort : sorts.entrySet()) {
                q.put(queue.getKey() + ", sort=" + sort.getKey(),
                        "SELECT t.* FROM ticket t" + queue.getValue()[0] + where + " ORDER BY " + sort.getValue() + PAGE);
            }
            // By due time (JpaTickets.byDue): the tickets with a running clock by their next due time, then the others by key.
            String and = where.isEmpty() ? " WHERE " : where + " AND ";
            q.put(queue.getKey() + ", sort=due", "SELECT t.* FROM ticket t" + queue.getValue()[0]
                    + " JOIN ticket_sla s ON s.ticket_id = t.id" + and + "s.next_due IS NOT NULL ORDER BY s.next_due, s.ticket_id" + PAGE);
            q.put(queue.getKey() + ", sort=due, without a clock", "SELECT t.* FROM ticket t" + queue.getValue()[0] + and
                    + "NOT EXISTS (SELECT 1 FROM ticket_sla s WHERE s.ticket_id = t.id AND s.next_due IS NOT NULL)"
                    + " ORDER BY t.id" + PAGE);
        }
        q.put("a requester's own, sort=-updatedAt", "SELECT t.* FROM ticket t JOIN app_user r ON r.id = t.requester_id"
                + " WHERE r.username = 'requester' ORDER BY t.updated_at DESC, t.id DESC" + PAGE);
        q.put("next page after a cursor", "SELECT t.* FROM ticket t WHERE (t.updated_at < '2025-06-01 00:00:00'"
                + " OR (t.updated_at = '2025-06-01 00:00:00' AND t.id < 1000)) ORDER BY t.updated_at DESC, t.id DESC" + PAGE);
        // By due time after a cursor (JpaTickets.byDueAfter): the running clocks beyond its due time and id, then the others beyond its id.
        q.put("next page by due time after a cursor", "SELECT t.* FROM ticket t JOIN ticket_sla s ON s.ticket_id = t.id"
                + " WHERE s.next_due IS NOT NULL AND (s.next_due > '2025-06-01 00:00:00' OR (s.next_due = '2025-06-01 00:00:00'"
                + " AND s.ticket_id > 1000)) ORDER BY s.next_due, s.ticket_id" + PAGE);
        q.put("next page by due time after a cursor, without a clock", "SELECT t.* FROM ticket t WHERE NOT EXISTS"
                + " (SELECT 1 FROM ticket_sla s WHERE s.ticket_id = t.id AND s.next_due IS NOT NULL) AND t.id > 1000"
                + " ORDER BY t.id" + PAGE);
        q.put("counts per status (counters)", "SELECT c.status, SUM(c.n) FROM ticket_count c GROUP BY c.status");
        q.put("counts, open incidents (counters)", "SELECT c.status, SUM(c.n) FROM ticket_count c WHERE c.type IN ('INCIDENT')"
                + " AND c.status IN ('NEW','ASSIGNED','IN_PROGRESS','PENDING') GROUP BY c.status");
        q.put("counts, one group (counters)", "SELECT c.status, SUM(c.n) FROM ticket_count c WHERE c.group_id = " + group
                + " GROUP BY c.status");
        q.put("counts, mine (index)", "SELECT t.status, COUNT(t.id) FROM ticket t JOIN app_user a ON a.id = t.assignee_id"
                + " WHERE a.username = 'agent' AND " + OPEN + " GROUP BY t.status");
        q.put("counts, unassigned (index)", "SELECT t.status, COUNT(t.id) FROM ticket t WHERE t.assignee_id IS NULL AND "
                + OPEN + " GROUP BY t.status");
        q.put("counts, a requester's open (index)", "SELECT t.status, COUNT(t.id) FROM ticket t WHERE t.requester_id = "
                + requester + " AND " + OPEN + " GROUP BY t.status");
        q.put("ticket by key", "SELECT t.* FROM ticket t WHERE t.ticket_key = 'INC-1'");
        q.put("mine count", "SELECT COUNT(t.id) FROM ticket t WHERE t.assignee_id = " + agent + " AND " + OPEN);
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

    /**
     * The rows a plan line expects to read, or -1 when it does not say. With a rowid filter MariaDB
     * writes the rows read and the share the filter keeps ("667 (3%)"): the rows read count.
     */
    public static long estimatedRows(Map<String, String> planRow) {
        String rows = planRow.get("rows");
        if (rows == null) {
            return -1;
        }
        Matcher leading = Pattern.compile("^\\s*(\\d+)").matcher(rows);
        return leading.find() ? Long.parseLong(leading.group(1)) : -1;
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

    private static String ids(Connection c, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids.isEmpty() ? "-1" : String.join(", ", ids);
    }
}
