package io.beacon.report.rest;

import io.beacon.platform.domain.BadParameterException;
import io.beacon.platform.domain.FieldError;
import io.beacon.report.domain.BucketSize;
import io.beacon.report.domain.TimeBuckets;
import io.beacon.ticket.domain.TicketType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The query parameters of the reports, checked at the edge: every parameter that cannot be
 * understood is named in one 400 answer. Dates are local dates in {@code tz} (default Asia/Seoul),
 * {@code from} and {@code to} both included.
 */
final class ReportParameters {
    static final String DEFAULT_ZONE = "Asia/Seoul";
    static final int MAX_DAILY_DAYS = 366;
    static final int MAX_WEEKLY_DAYS = 731;
    static final int MAX_HOURS = 168;
    static final int DEFAULT_HOURS = 24;

    private ReportParameters() {}

    /** The parsed parameters of {@code /reports/ticket-times}. */
    record TicketTimes(TicketType type, TimeBuckets buckets, LocalDate from, LocalDate to) {}

    static TicketTimes ticketTimes(String from, String to, String bucket, String type, String tz, java.time.Instant now) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = zone(tz, errors);
        BucketSize size = null;
        String b = bucket == null || bucket.isBlank() ? "day" : bucket.trim().toLowerCase(Locale.ROOT);
        if (b.equals("day")) {
            size = BucketSize.DAY;
        } else if (b.equals("week")) {
            size = BucketSize.WEEK;
        } else {
            errors.add(new FieldError("bucket", "must be day or week"));
        }
        TicketType ticketType = null;
        if (type != null && !type.isBlank() && !type.trim().equalsIgnoreCase("all")) {
            ticketType = ticketType(type.trim());
            if (ticketType == null) {
                errors.add(new FieldError("type", "must be incident, service_request, problem or all"));
            }
        }
        LocalDate toDate = date(to, "to", errors);
        LocalDate fromDate = date(from, "from", errors);
        if (!errors.isEmpty()) {
            throw new BadParameterException(errors);
        }
        if (toDate == null) {
            toDate = now.atZone(zone).toLocalDate();
        }
        if (fromDate == null) {
            fromDate = size == BucketSize.WEEK ? toDate.minusWeeks(12).plusDays(1) : toDate.minusDays(29);
        }
        if (toDate.isBefore(fromDate)) {
            throw new BadParameterException("from", "must not be after to (" + toDate + ")");
        }
        long days = ChronoUnit.DAYS.between(fromDate, toDate) + 1;
        int max = size == BucketSize.WEEK ? MAX_WEEKLY_DAYS : MAX_DAILY_DAYS;
        if (days > max) {
            throw new BadParameterException("from", "the range is " + days + " days; at most " + max + " days with "
                    + size.code() + " buckets");
        }
        TimeBuckets buckets = size == BucketSize.WEEK ? TimeBuckets.weeks(zone, fromDate, toDate)
                : TimeBuckets.days(zone, fromDate, toDate);
        return new TicketTimes(ticketType, buckets, fromDate, toDate);
    }

    /** The parsed parameters of {@code /reports/events-per-hour}. */
    record EventsPerHour(int hours, ZoneId zone) {}

    static EventsPerHour eventsPerHour(String hours, String tz) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = zone(tz, errors);
        int n = DEFAULT_HOURS;
        if (hours != null && !hours.isBlank()) {
            try {
                n = Integer.parseInt(hours.trim());
                if (n < 1 || n > MAX_HOURS) {
                    errors.add(new FieldError("hours", "must be between 1 and " + MAX_HOURS));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("hours", "must be a whole number of hours, 1 to " + MAX_HOURS));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadParameterException(errors);
        }
        return new EventsPerHour(n, zone);
    }

    private static ZoneId zone(String tz, List<FieldError> errors) {
        if (tz == null || tz.isBlank()) {
            return ZoneId.of(DEFAULT_ZONE);
        }
        try {
            return ZoneId.of(tz.trim());
        } catch (DateTimeException e) {
            errors.add(new FieldError("tz", "is not a time zone (for example Asia/Seoul)"));
            return ZoneId.of(DEFAULT_ZONE);
        }
    }

    private static LocalDate date(String value, String name, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date as yyyy-mm-dd"));
            return null;
        }
    }

    private static TicketType ticketType(String code) {
        for (TicketType t : TicketType.values()) {
            if (t.code().equalsIgnoreCase(code)) {
                return t;
            }
        }
        return null;
    }
}
