package io.beacon.sla.domain;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.DangiCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * South Korea's public holidays of a year (the Act on Public Holidays), computed: the solar ones, the
 * lunar ones from the Korean lunisolar calendar (ICU's DangiCalendar), and substitute holidays
 * (대체공휴일): Seollal and Chuseok when they meet a Sunday or another holiday; Children's Day when it
 * meets a weekend or another holiday; Independence Movement Day, Liberation Day, National Foundation
 * Day and Hangul Day (from 2021), Buddha's Birthday and Christmas (from 2023) when they meet a weekend.
 * One-off holidays (election days, temporary holidays) come from configuration.
 */
public final class KoreanHolidays {
    private KoreanHolidays() {}

    /** Holidays of the year by date, with their names (a substitute holiday says whose). */
    public static Map<LocalDate, String> of(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        days.put(newYear, "New Year's Day");
        LocalDate seollal = lunar(year, 1, 1);
        days.put(seollal.minusDays(1), "Seollal");
        days.put(seollal, "Seollal");
        days.put(seollal.plusDays(1), "Seollal");
        LocalDate samil = LocalDate.of(year, 3, 1);
        days.put(samil, "Independence Movement Day");
        LocalDate children = LocalDate.of(year, 5, 5);
        LocalDate buddha = lunar(year, 4, 8);
        days.merge(children, "Children's Day", (a, b) -> a + ", " + b);
        days.merge(buddha, "Buddha's Birthday", (a, b) -> a + ", " + b);
        days.put(LocalDate.of(year, 6, 6), "Memorial Day");
        LocalDate liberation = LocalDate.of(year, 8, 15);
        days.put(liberation, "Liberation Day");
        LocalDate chuseok = lunar(year, 8, 15);
        List<LocalDate> chuseokDays = List.of(chuseok.minusDays(1), chuseok, chuseok.plusDays(1));
        chuseokDays.forEach(d -> days.merge(d, "Chuseok", (a, b) -> a + ", " + b));
        LocalDate foundation = LocalDate.of(year, 10, 3);
        days.merge(foundation, "National Foundation Day", (a, b) -> a + ", " + b);
        LocalDate hangul = LocalDate.of(year, 10, 9);
        days.merge(hangul, "Hangul Day", (a, b) -> a + ", " + b);
        LocalDate christmas = LocalDate.of(year, 12, 25);
        days.put(christmas, "Christmas Day");

        Map<LocalDate, String> base = new TreeMap<>(days);
        List<LocalDate> seollalDays = List.of(seollal.minusDays(1), seollal, seollal.plusDays(1));
        if (year >= 2014) {
            substituteForBlock(days, base, seollalDays, "Seollal");
            substituteForBlock(days, base, chuseokDays, "Chuseok");
            substituteForDay(days, base, children, "Children's Day", true);
        }
        if (year >= 2021) {
            for (LocalDate d : List.of(samil, liberation, foundation, hangul)) {
                substituteForDay(days, base, d, base.get(d), false);
            }
        }
        if (year >= 2023) {
            substituteForDay(days, base, buddha, "Buddha's Birthday", false);
            substituteForDay(days, base, christmas, "Christmas Day", false);
        }
        return days;
    }

    /** Seollal and Chuseok: a Sunday (not Saturday) or another holiday inside the three days adds a day after. */
    private static void substituteForBlock(Map<LocalDate, String> days, Map<LocalDate, String> base,
            List<LocalDate> block, String name) {
        long overlaps = block.stream().filter(d -> d.getDayOfWeek() == DayOfWeek.SUNDAY
                || !base.get(d).equals(name)).count();
        LocalDate next = block.get(block.size() - 1);
        for (int i = 0; i < overlaps; i++) {
            next = nextFreeWeekday(days, next);
            days.put(next, "Substitute holiday (" + name + ")");
        }
    }

    /** A single holiday on a weekend (or, for Children's Day, on another holiday) adds the next working day. */
    private static void substituteForDay(Map<LocalDate, String> days, Map<LocalDate, String> base, LocalDate day,
            String name, boolean alsoOnOtherHoliday) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        boolean shared = alsoOnOtherHoliday && base.get(day).contains(",");
        if (weekend || shared) {
            LocalDate next = nextFreeWeekday(days, day);
            days.put(next, "Substitute holiday (" + name + ")");
        }
    }

    private static LocalDate nextFreeWeekday(Map<LocalDate, String> days, LocalDate from) {
        LocalDate d = from.plusDays(1);
        while (days.containsKey(d) || d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The Gregorian date of a lunar month/day (not a leap month) in the lunar year that starts in {@code year}. */
    static LocalDate lunar(int year, int month, int day) {
        DangiCalendar dangi = new DangiCalendar(TimeZone.getTimeZone("Asia/Seoul"), ULocale.KOREA);
        // March 1st always lies in the lunar year whose first day (Seollal, Jan 21 to Feb 20) is in this year.
        Calendar greg = Calendar.getInstance(TimeZone.getTimeZone("Asia/Seoul"));
        greg.clear();
        greg.set(year, Calendar.MARCH, 1, 12, 0, 0);
        dangi.setTimeInMillis(greg.getTimeInMillis());
        int extendedYear = dangi.get(Calendar.EXTENDED_YEAR);
        dangi.clear();
        dangi.set(Calendar.EXTENDED_YEAR, extendedYear);
        dangi.set(Calendar.MONTH, month - 1);
        dangi.set(DangiCalendar.IS_LEAP_MONTH, 0);
        dangi.set(Calendar.DAY_OF_MONTH, day);
        dangi.set(Calendar.HOUR_OF_DAY, 12);
        Calendar out = Calendar.getInstance(TimeZone.getTimeZone("Asia/Seoul"));
        out.setTimeInMillis(dangi.getTimeInMillis());
        return LocalDate.of(out.get(Calendar.YEAR), out.get(Calendar.MONTH) + 1, out.get(Calendar.DAY_OF_MONTH));
    }

    /** Fixed-date days that never move (for documentation and tests). */
    static final Set<MonthDay> SOLAR = Set.of(MonthDay.of(1, 1), MonthDay.of(3, 1), MonthDay.of(5, 5),
            MonthDay.of(6, 6), MonthDay.of(8, 15), MonthDay.of(10, 3), MonthDay.of(10, 9), MonthDay.of(12, 25));

    static List<LocalDate> dates(int year) {
        return new ArrayList<>(of(year).keySet());
    }
}
