package io.beacon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.TicketGrowth;
import io.beacon.it.support.TicketQueryShapes;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every ticket list, count and lookup the console and the API offer is answered from an index on
 * MariaDB (issue 18): EXPLAIN shows no full table scan, and a list sorts rows only when it reads the
 * open tickets (at most as many rows as there are open tickets: a bounded set, however many years of
 * closed tickets there are); every other list reads its index in its own order and stops after its
 * page; a list by due time reads the running SLA clocks by their index, then the other tickets by key.
 * A count per status read from an index alone may sort its groups (one per status). Runs in the
 * MariaDB round, on the server's own database grown to 30,000 tickets spread over many agents, groups
 * and requesters as a real desk's are (with fewer rows the optimizer may rightly prefer a scan); the
 * clones and their made-up people are deleted afterwards.
 */
@ExtendWith(BeaconServerExtension.class)
class TicketQueryPlanIT {
    private static final long CLONES = 5_000_000_000_000L;

    @Test
    void everyTicketQueryShapeReadsAnIndexAndSortsAtMostTheOpenTickets(BeaconServer server) throws Exception {
        assumeTrue("mariadb".equals(server.database()), "query plans are checked on MariaDB");
        try (Connection c = server.mariadbConnection()) {
            try {
                TicketGrowth.grow(c, 30_000, CLONES);
                long open = TicketGrowth.open(c);
                List<String> bad = new ArrayList<>();
                for (Map.Entry<String, String> shape : TicketQueryShapes.all(c).entrySet()) {
                    var plan = TicketQueryShapes.explain(c, shape.getValue());
                    System.out.printf("PLAN %s%n%s", shape.getKey(), TicketQueryShapes.describe(plan));
                    // The rows a sort may take: at most the open tickets (what a ticket row of the plan reads).
                    boolean fewRows = plan.stream().filter(row -> "t".equals(row.get("table")))
                            .allMatch(row -> !"ALL".equals(row.get("type")) && !"index".equals(row.get("type"))
                                    && TicketQueryShapes.estimatedRows(row) >= 0 && TicketQueryShapes.estimatedRows(row) <= open);
                    for (Map<String, String> row : plan) {
                        String extra = row.get("Extra") == null ? "" : row.get("Extra");
                        if ("t".equals(row.get("table")) && "ALL".equals(row.get("type"))) {
                            bad.add(shape.getKey() + ": full table scan");
                        }
                        boolean groupsOnly = shape.getKey().startsWith("counts") && extra.contains("Using index");
                        if (extra.contains("filesort") && !groupsOnly && !fewRows) {
                            bad.add(shape.getKey() + ": filesort (" + row.get("type") + " " + row.get("key") + ", " + extra + ")");
                        }
                    }
                }
                assertThat(bad).as("query shapes not answered from an index").isEmpty();
            } finally {
                TicketGrowth.shrink(c, CLONES);
            }
        }
    }
}
