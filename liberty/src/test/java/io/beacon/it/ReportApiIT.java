package io.beacon.it;

import static io.beacon.it.support.Api.anonymous;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.beacon.it.support.BeaconServerExtension;
import io.beacon.it.support.Poll;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard's reports on the real server: the figures the API answers are checked against the
 * same figures worked out here from the tickets' own audit trails and the stored events.
 */
@ExtendWith(BeaconServerExtension.class)
class ReportApiIT {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void badParametersAnswer400NamingEachParameter() {
        JsonPath problem = asDemo("agent").queryParam("from", "2026-13-01").queryParam("bucket", "month")
                .queryParam("type", "bug").queryParam("tz", "Mars/Olympus").get("/api/reports/ticket-times")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("errors.field", String.class)).containsExactlyInAnyOrder("from", "bucket", "type", "tz");
        assertThat(problem.getInt("status")).isEqualTo(400);
        asDemo("agent").queryParam("from", "2026-11-02").queryParam("to", "2026-11-01").get("/api/reports/ticket-times")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
        asDemo("agent").queryParam("from", "2024-01-01").queryParam("to", "2026-11-01").get("/api/reports/ticket-times")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
        asDemo("agent").queryParam("hours", "0").get("/api/reports/events-per-hour")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("hours"));
        asDemo("agent").queryParam("hours", "lots").get("/api/reports/events-per-hour")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("hours"));
    }

    @Test
    void onlyTheDeskReadsReports() {
        for (String path : List.of("/api/reports/ticket-times", "/api/reports/events-per-hour")) {
            asDemo("requester").get(path).then().statusCode(403);
            asDemo("approver").get(path).then().statusCode(403);
            asDemo("monitor").get(path).then().statusCode(403);
            anonymous().get(path).then().statusCode(401);
            asDemo("agent").get(path).then().statusCode(200);
        }
    }

    @Test
    void ticketTimesAreTheMeansOfTheTicketsOwnHistoryPerLocalDay() throws Exception {
        LocalDate today = LocalDate.now(SEOUL);
        String from = today.minusDays(2).toString();
        String to = today.plusDays(1).toString();
        JsonPath before = ticketTimes(from, to, "day", "incident", "Asia/Seoul");

        // Three incidents of our own: one acknowledged then resolved, one only acknowledged, one left new.
        String token = UUID.randomUUID().toString().substring(0, 8);
        String resolved = ConsoleIT.openIncident("agent", "보고서 확인 " + token);
        String acknowledged = ConsoleIT.openIncident("agent", "보고서 확인 " + token);
        ConsoleIT.openIncident("agent", "보고서 확인 " + token);
        Thread.sleep(1200);
        patch(resolved, Map.of("assignee", "agent", "group", "Service Desk"));
        patch(acknowledged, Map.of("assignee", "agent", "group", "Service Desk"));
        Thread.sleep(1200);
        patch(resolved, Map.of("status", "resolved", "resolution", "재시작으로 해결"));
        asDemo("agent").body(Map.of("type", "problem", "title", "보고서 문제 " + token)).post("/api/tickets")
                .then().statusCode(201);

        JsonPath after = ticketTimes(from, to, "day", "incident", "Asia/Seoul");
        assertThat(after.getLong("total.count") - before.getLong("total.count")).isEqualTo(3);
        assertThat(after.getLong("total.acknowledged") - before.getLong("total.acknowledged")).isEqualTo(2);
        assertThat(after.getLong("total.resolved") - before.getLong("total.resolved")).isEqualTo(1);

        for (String zone : List.of("Asia/Seoul", "UTC", "America/New_York")) {
            JsonPath report = ticketTimes(from, to, "day", "incident", zone);
            assertThat(report.getString("timeZone")).isEqualTo(zone);
            assertMatches(report, expected("incident", ZoneId.of(zone), LocalDate.parse(from), LocalDate.parse(to)));
        }
        JsonPath all = ticketTimes(from, to, "day", "all", "Asia/Seoul");
        assertMatches(all, expected(null, SEOUL, LocalDate.parse(from), LocalDate.parse(to)));
        assertThat(all.getLong("total.count")).isGreaterThan(after.getLong("total.count"));

        // Weeks add up the same tickets.
        JsonPath weeks = ticketTimes(today.minusDays(20).toString(), to, "week", "incident", "Asia/Seoul");
        assertThat(weeks.getList("buckets")).hasSizeBetween(3, 5);
        assertThat(weeks.getString("buckets[0].date")).isEqualTo(today.minusDays(20).toString());
        assertThat(weeks.getList("buckets.date", String.class).subList(1, weeks.getList("buckets").size()))
                .allMatch(d -> LocalDate.parse(d).getDayOfWeek() == java.time.DayOfWeek.MONDAY);
        assertThat(weeks.getLong("total.count")).isEqualTo(after.getLong("total.count"));
        assertThat(weeks.getLong("total.meanTimeToResolveSeconds")).isEqualTo(after.getLong("total.meanTimeToResolveSeconds"));
    }

    @Test
    void eventsPerHourCountsTheStoredEventsInLocalHours() {
        JsonPath before = eventsPerHour(24, "Asia/Seoul");
        assertThat(before.getList("buckets")).hasSize(24);
        ZonedDateTime last = ZonedDateTime.parse(before.getString("buckets[23].start"));
        assertThat(last.getMinute()).isZero();
        assertThat(last.getOffset().getId()).isEqualTo("+09:00");
        assertThat(ZonedDateTime.parse(before.getString("buckets[23].end")).toInstant()).isAfter(Instant.now().minusSeconds(5));

        String token = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            asDemo("monitor").body(Map.of("source", "it", "ci", "web-01", "severity", "warning", "name", "report-" + token,
                    "message", "event " + i, "key", "report/" + token + "/" + i)).post("/api/events")
                    .then().statusCode(200);
        }
        // A webhook is answered once its events are committed: they count at once.
        JsonPath after = eventsPerHour(24, "Asia/Seoul");
        assertThat(after.getLong("total") - before.getLong("total")).isEqualTo(5);

        for (String zone : List.of("Asia/Seoul", "Asia/Kolkata")) {
            int hours = 6;
            Poll.until(() -> {
                JsonPath report = eventsPerHour(hours, zone);
                return Objects.equals(counts(report), expectedEventCounts(report));
            }, same -> same, Duration.ofSeconds(20), "events per hour in " + zone + " to match the stored events");
        }
        JsonPath kolkata = eventsPerHour(2, "Asia/Kolkata");
        assertThat(ZonedDateTime.parse(kolkata.getString("buckets[0].start")).toInstant().atZone(ZoneId.of("UTC")).getMinute())
                .isEqualTo(30);
    }

    // ------------------------------------------------------------------ helpers

    private static JsonPath ticketTimes(String from, String to, String bucket, String type, String tz) {
        return asDemo("agent").queryParam("from", from).queryParam("to", to).queryParam("bucket", bucket)
                .queryParam("type", type).queryParam("tz", tz).get("/api/reports/ticket-times")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath eventsPerHour(int hours, String tz) {
        return asDemo("agent").queryParam("hours", hours).queryParam("tz", tz).get("/api/reports/events-per-hour")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void patch(String key, Map<String, Object> body) {
        asDemo("agent").body(body).patch("/api/tickets/" + key).then().statusCode(200);
    }

    /** Per local day: count, acknowledged, seconds to acknowledge, resolved, seconds to resolve. */
    private static Map<LocalDate, long[]> expected(String type, ZoneId zone, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<LocalDate, long[]> out = new HashMap<>();
        for (int page = 0; ; page++) {
            var spec = asDemo("agent").queryParam("size", 1000).queryParam("page", page);
            if (type != null) {
                spec.queryParam("type", type);
            }
            List<Map<String, Object>> items = spec.get("/api/tickets").then().statusCode(200).extract().jsonPath().getList("items");
            for (Map<String, Object> item : items) {
                Instant created = Instant.parse((String) item.get("createdAt"));
                if (created.isBefore(start) || !created.isBefore(end)) {
                    continue;
                }
                JsonPath t = asDemo("agent").get("/api/tickets/" + item.get("key")).then().statusCode(200).extract().jsonPath();
                long[] f = out.computeIfAbsent(created.atZone(zone).toLocalDate(), d -> new long[5]);
                f[0]++;
                List<Map<String, Object>> history = t.getList("history");
                history.stream().filter(h -> "status".equals(h.get("field")) && "new".equals(h.get("oldValue")))
                        .map(h -> Instant.parse((String) h.get("at"))).min(Instant::compareTo).ifPresent(ack -> {
                            f[1]++;
                            f[2] += Duration.between(created, ack).toMillis();
                        });
                if (t.getString("resolvedAt") != null) {
                    f[3]++;
                    f[4] += Duration.between(created, Instant.parse(t.getString("resolvedAt"))).toMillis();
                }
            }
            if (items.size() < 1000) {
                return out;
            }
        }
    }

    /** Counts exactly; means to within a second (the databases count whole seconds). */
    private static void assertMatches(JsonPath report, Map<LocalDate, long[]> expected) {
        List<Map<String, Object>> buckets = report.getList("buckets");
        long total = 0;
        for (Map<String, Object> b : buckets) {
            LocalDate date = LocalDate.parse((String) b.get("date"));
            long[] f = expected.getOrDefault(date, new long[5]);
            String where = report.getString("timeZone") + " " + date;
            assertThat(((Number) b.get("count")).longValue()).as("count " + where).isEqualTo(f[0]);
            assertThat(((Number) b.get("acknowledged")).longValue()).as("acknowledged " + where).isEqualTo(f[1]);
            assertThat(((Number) b.get("resolved")).longValue()).as("resolved " + where).isEqualTo(f[3]);
            assertMean(b.get("meanTimeToAcknowledgeSeconds"), f[1], f[2], "acknowledge " + where);
            assertMean(b.get("meanTimeToResolveSeconds"), f[3], f[4], "resolve " + where);
            total += f[0];
        }
        assertThat(report.getLong("total.count")).isEqualTo(total);
    }

    private static void assertMean(Object actual, long n, long sumMillis, String what) {
        if (n == 0) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(((Number) actual).doubleValue()).as(what).isCloseTo(sumMillis / 1000.0 / n, within(1.0));
        }
    }

    private static List<Long> counts(JsonPath report) {
        return report.getList("buckets.count", Long.class);
    }

    private static List<Long> expectedEventCounts(JsonPath report) {
        List<Map<String, Object>> buckets = report.getList("buckets");
        List<Instant> starts = new ArrayList<>();
        for (Map<String, Object> b : buckets) {
            starts.add(ZonedDateTime.parse((String) b.get("start")).toInstant());
        }
        Instant end = ZonedDateTime.parse((String) buckets.get(buckets.size() - 1).get("end")).toInstant();
        long[] counts = new long[buckets.size()];
        for (int page = 0; ; page++) {
            List<String> times = asDemo("agent").queryParam("size", 1000).queryParam("page", page).get("/api/events")
                    .then().statusCode(200).extract().jsonPath().getList("items.time", String.class);
            for (String time : times) {
                Instant at = Instant.parse(time);
                for (int i = starts.size() - 1; i >= 0; i--) {
                    if (!at.isBefore(starts.get(i))) {
                        if (at.isBefore(end)) {
                            counts[i]++;
                        }
                        break;
                    }
                }
            }
            if (times.size() < 1000) {
                break;
            }
        }
        List<Long> out = new ArrayList<>();
        for (long c : counts) {
            out.add(c);
        }
        return out;
    }

}
