package io.beacon.sla.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Working time: working days and hours in a time zone, minus holidays. Adds working durations to
 * instants (an SLA due time) and measures the working time between two instants. A 24×7 calendar
 * counts every second.
 */
public final class BusinessCalendar {
    private static final int MAX_DAYS = 3660;

    private final ZoneId zone;
    private final Set<DayOfWeek> workDays;
    private final LocalTime dayStart;
    private final LocalTime dayEnd;
    private final Predicate<LocalDate> holiday;
    private final boolean allHours;

    private BusinessCalendar(ZoneId zone, Set<DayOfWeek> workDays, LocalTime dayStart, LocalTime dayEnd,
            Predicate<LocalDate> holiday, boolean allHours) {
        if (!allHours && (workDays.isEmpty() || !dayEnd.isAfter(dayStart))) {
            throw new IllegalArgumentException("a business calendar needs working days and a working day that ends after it starts");
        }
        this.zone = zone;
        this.workDays = EnumSet.copyOf(workDays.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : workDays);
        this.dayStart = dayStart;
        this.dayEnd = dayEnd;
        this.holiday = holiday;
        this.allHours = allHours;
    }

    public static BusinessCalendar working(ZoneId zone, Set<DayOfWeek> workDays, LocalTime start, LocalTime end,
            Predicate<LocalDate> holiday) {
        return new BusinessCalendar(zone, workDays, start, end, holiday, false);
    }

    /** Every hour of every day counts (P1 incidents). */
    public static BusinessCalendar allHours(ZoneId zone) {
        return new BusinessCalendar(zone, EnumSet.allOf(DayOfWeek.class), LocalTime.MIN, LocalTime.MAX, d -> false, true);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate date) {
        return allHours || (workDays.contains(date.getDayOfWeek()) && !holiday.test(date));
    }

    /** The instant when {@code amount} of working time has passed after {@code start}. */
    public Instant plus(Instant start, Duration amount) {
        if (allHours || amount.isZero() || amount.isNegative()) {
            return start.plus(amount.isNegative() ? Duration.ZERO : amount);
        }
        ZonedDateTime t = start.atZone(zone);
        Duration left = amount;
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = t.toLocalDate();
            if (isWorkingDay(day)) {
                ZonedDateTime open = day.atTime(dayStart).atZone(zone);
                ZonedDateTime close = day.atTime(dayEnd).atZone(zone);
                ZonedDateTime from = t.isBefore(open) ? open : t;
                if (from.isBefore(close)) {
                    Duration available = Duration.between(from, close);
                    if (available.compareTo(left) >= 0) {
                        return from.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            t = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("no working time within ten years: check the calendar's days and holidays");
    }

    /** The working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (allHours) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        ZonedDateTime t = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        for (int i = 0; i < MAX_DAYS && t.isBefore(end); i++) {
            LocalDate day = t.toLocalDate();
            if (isWorkingDay(day)) {
                ZonedDateTime open = day.atTime(dayStart).atZone(zone);
                ZonedDateTime close = day.atTime(dayEnd).atZone(zone);
                ZonedDateTime a = t.isBefore(open) ? open : t;
                ZonedDateTime b = end.isBefore(close) ? end : close;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
            t = day.plusDays(1).atStartOfDay(zone);
        }
        return total;
    }
}
