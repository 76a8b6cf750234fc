package io.beacon.report.rest;

import io.beacon.platform.domain.Role;
import io.beacon.report.application.ReportService;
import io.beacon.report.domain.Bucket;
import io.beacon.report.domain.CountReport;
import io.beacon.report.domain.TicketTimeSums;
import io.beacon.report.domain.TicketTimesReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import io.beacon.report.domain.SatisfactionReport;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports for the desk's dashboard: {@code /api/reports/ticket-times} (tickets opened per day or week
 * with their mean times to acknowledge and resolve) and {@code /api/reports/events-per-hour}. Buckets
 * follow the local calendar of {@code tz}; times are in seconds.
 */
@Path("reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
public class ReportResource {
    @Inject
    ReportService reports;

    @Inject
    Clock clock;

    @Inject
    io.beacon.identity.domain.Groups groups;

    @GET
    @Path("ticket-times")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    public Map<String, Object> ticketTimes(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("bucket") String bucket, @QueryParam("type") String type, @QueryParam("tz") String tz) {
        ReportParameters.TicketTimes p = ReportParameters.ticketTimes(from, to, bucket, type, tz, clock.instant());
        TicketTimesReport report = reports.ticketTimes(p.type(), p.buckets());
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (int i = 0; i < report.perBucket().size(); i++) {
            Bucket b = p.buckets().buckets().get(i);
            Map<String, Object> m = bounds(b);
            m.put("date", b.start().toLocalDate().toString());
            m.putAll(figures(report.perBucket().get(i)));
            buckets.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", p.from().toString());
        out.put("to", p.to().toString());
        out.put("bucket", p.buckets().size().code());
        out.put("type", p.type() == null ? "all" : p.type().code());
        out.put("timeZone", p.buckets().zone().getId());
        out.put("buckets", buckets);
        out.put("total", figures(report.total()));
        return out;
    }

    /**
     * The requesters' average satisfaction (1 to 5) per local day or week and per group that resolved the
     * tickets, from..to as for ticket-times; a period or group without ratings has no average.
     */
    @GET
    @Path("satisfaction")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @jakarta.transaction.Transactional
    public Map<String, Object> satisfaction(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("bucket") String bucket, @QueryParam("tz") String tz) {
        ReportParameters.TicketTimes p = ReportParameters.ticketTimes(from, to, bucket, null, tz, clock.instant());
        SatisfactionReport report = reports.satisfaction(p.buckets());
        Map<Long, String> names = new java.util.HashMap<>();
        groups.all().forEach(g -> names.put(g.getId(), g.getName()));
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (int i = 0; i < report.perBucket().size(); i++) {
            Bucket b = p.buckets().buckets().get(i);
            Map<String, Object> m = bounds(b);
            m.put("date", b.start().toLocalDate().toString());
            m.put("groups", scores(report.perBucket().get(i), names));
            buckets.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", p.from().toString());
        out.put("to", p.to().toString());
        out.put("bucket", p.buckets().size().code());
        out.put("timeZone", p.buckets().zone().getId());
        out.put("buckets", buckets);
        out.put("groups", scores(report.perGroup(), names));
        out.put("total", score(report.total()));
        return out;
    }

    private static List<Map<String, Object>> scores(Map<Long, SatisfactionReport.Score> byGroup, Map<Long, String> names) {
        List<Map<String, Object>> out = new ArrayList<>();
        byGroup.forEach((id, s) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("groupId", id);
            m.put("group", id == null ? null : names.get(id));
            m.putAll(score(s));
            out.add(m);
        });
        return out;
    }

    private static Map<String, Object> score(SatisfactionReport.Score s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", s.count());
        m.put("average", s.average());
        return m;
    }

    @GET
    @Path("events-per-hour")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    public Map<String, Object> eventsPerHour(@QueryParam("hours") String hours, @QueryParam("tz") String tz) {
        ReportParameters.EventsPerHour p = ReportParameters.eventsPerHour(hours, tz);
        CountReport report = reports.eventsPerHour(p.hours(), p.zone());
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (int i = 0; i < report.perBucket().size(); i++) {
            Map<String, Object> m = bounds(report.buckets().buckets().get(i));
            m.put("count", report.perBucket().get(i));
            buckets.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hours", p.hours());
        out.put("timeZone", p.zone().getId());
        out.put("buckets", buckets);
        out.put("total", report.total());
        return out;
    }

    private static Map<String, Object> bounds(Bucket b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(b.start()));
        m.put("end", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(b.end()));
        return m;
    }

    private static Map<String, Object> figures(TicketTimeSums s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", s.count());
        m.put("acknowledged", s.acknowledged());
        m.put("resolved", s.resolved());
        m.put("meanTimeToAcknowledgeSeconds", s.meanAcknowledgeSeconds());
        m.put("meanTimeToResolveSeconds", s.meanResolveSeconds());
        return m;
    }
}
