package io.beacon.sla;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The business calendar: zone, working days and hours, holidays. The README lists the keys. */
@ApplicationScoped
public class CalendarSettings {
    @Inject
    @ConfigProperty(name = "beacon.calendar.zone", defaultValue = "Asia/Seoul")
    String zone;

    @Inject
    @ConfigProperty(name = "beacon.calendar.days", defaultValue = "MON,TUE,WED,THU,FRI")
    String days;

    @Inject
    @ConfigProperty(name = "beacon.calendar.hours", defaultValue = "09:00-18:00")
    String hours;

    @Inject
    @ConfigProperty(name = "beacon.calendar.korean.holidays", defaultValue = "true")
    boolean koreanHolidays;

    /** One-off holidays the rules cannot know: election days, temporary holidays (2026-06-03: local elections). */
    @Inject
    @ConfigProperty(name = "beacon.calendar.holidays", defaultValue = "2026-06-03")
    String holidays;

    /** Dates that are working days although the rules say holiday (a company that works on one). */
    @Inject
    @ConfigProperty(name = "beacon.calendar.working.days", defaultValue = " ")
    String workingDays;

    public ZoneId zone() {
        return ZoneId.of(zone.strip());
    }

    public Set<DayOfWeek> days() {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String d : days.split(",")) {
            String s = d.strip().toUpperCase(Locale.ROOT);
            if (!s.isEmpty()) {
                out.add(java.util.Arrays.stream(DayOfWeek.values()).filter(w -> w.name().startsWith(s)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("beacon.calendar.days: unknown day " + d)));
            }
        }
        return out;
    }

    public LocalTime dayStart() {
        return LocalTime.parse(hours.split("-")[0].strip());
    }

    public LocalTime dayEnd() {
        return LocalTime.parse(hours.split("-")[1].strip());
    }

    public boolean koreanHolidays() {
        return koreanHolidays;
    }

    public Set<LocalDate> extraHolidays() {
        return dates(holidays);
    }

    public Set<LocalDate> workingDays() {
        return dates(workingDays);
    }

    private static Set<LocalDate> dates(String list) {
        Set<LocalDate> out = new LinkedHashSet<>();
        for (String d : list.split(",")) {
            if (!d.isBlank()) {
                out.add(LocalDate.parse(d.strip()));
            }
        }
        return out;
    }
}
