package io.beacon.sla.application;

import io.beacon.sla.CalendarSettings;
import io.beacon.sla.domain.BusinessCalendar;
import io.beacon.sla.domain.KoreanHolidays;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The configured business calendar (working hours and holidays) and its 24×7 sibling for P1 tickets. */
@ApplicationScoped
public class BusinessCalendars {
    @Inject
    CalendarSettings settings;

    private final Map<Integer, Set<LocalDate>> koreanByYear = new ConcurrentHashMap<>();
    private BusinessCalendar working;
    private BusinessCalendar allHours;

    @PostConstruct
    void init() {
        Set<LocalDate> extra = settings.extraHolidays();
        Set<LocalDate> workingDays = settings.workingDays();
        working = BusinessCalendar.working(settings.zone(), settings.days(), settings.dayStart(), settings.dayEnd(),
                d -> !workingDays.contains(d) && (extra.contains(d) || (settings.koreanHolidays()
                        && koreanByYear.computeIfAbsent(d.getYear(), y -> KoreanHolidays.of(y).keySet()).contains(d))));
        allHours = BusinessCalendar.allHours(settings.zone());
    }

    public BusinessCalendar working() {
        return working;
    }

    public BusinessCalendar allHours() {
        return allHours;
    }

    /** The holidays of a year as the calendar applies them, by date with their names. */
    public Map<LocalDate, String> holidays(int year) {
        Map<LocalDate, String> out = new java.util.TreeMap<>();
        if (settings.koreanHolidays()) {
            out.putAll(KoreanHolidays.of(year));
        }
        settings.extraHolidays().stream().filter(d -> d.getYear() == year).forEach(d -> out.putIfAbsent(d, "Holiday (configured)"));
        settings.workingDays().forEach(out::remove);
        return out;
    }
}
