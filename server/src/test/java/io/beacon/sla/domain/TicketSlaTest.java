package io.beacon.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TicketSlaTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final BusinessCalendar WORKING = BusinessCalendar.working(SEOUL,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0), d -> false);
    private static final SlaTarget P3 = new SlaTarget(Duration.ofHours(4), Duration.ofHours(27), false);

    private static Instant seoul(int d, int h, int m) {
        return ZonedDateTime.of(2026, 11, d, h, m, 0, 0, SEOUL).toInstant();
    }

    @Test
    void dueTimesCountWorkingHoursAndWarnAtTheConfiguredShare() {
        TicketSla sla = TicketSla.start(1, "INC-1", "P3", P3, 75, WORKING, seoul(27, 16, 0)); // Friday 16:00
        assertThat(sla.getResponseDue()).isEqualTo(seoul(30, 11, 0));                          // Monday 11:00
        // 27 working hours: 2 on Friday, 9 Monday, 9 Tuesday, 7 Wednesday
        assertThat(sla.getResolutionDue()).isEqualTo(ZonedDateTime.of(2026, 12, 2, 16, 0, 0, 0, SEOUL).toInstant());
        assertThat(sla.nextCheck()).isEqualTo(seoul(30, 10, 0));                                // 3 of 4 h
    }

    @Test
    void thresholdsFireOnceAndStopWithTheResponse() {
        TicketSla sla = TicketSla.start(1, "INC-1", "P3", P3, 75, WORKING, seoul(24, 9, 0));
        assertThat(sla.check(seoul(24, 11, 0))).isEmpty();
        assertThat(sla.check(seoul(24, 12, 0))).containsExactly(SlaEvent.RESPONSE_AT_RISK);
        assertThat(sla.isAtRisk()).isTrue();
        assertThat(sla.check(seoul(24, 12, 30))).isEmpty();
        assertThat(sla.check(seoul(24, 13, 0))).containsExactly(SlaEvent.RESPONSE_BREACHED);
        assertThat(sla.isBreached()).isTrue();
        assertThat(sla.responseMet()).isFalse();
        sla.respond(seoul(24, 14, 0));
        assertThat(sla.responseMet()).isFalse(); // late is late
        assertThat(sla.nextCheck()).isEqualTo(WORKING.plus(seoul(24, 9, 0), Duration.ofMinutes(27 * 60 * 75 / 100)));
    }

    @Test
    void aPauseShiftsTheOpenDueTimesByTheWorkingTimeItLasted() {
        TicketSla sla = TicketSla.start(1, "INC-1", "P3", P3, 80, WORKING, seoul(24, 9, 0));
        sla.respond(seoul(24, 9, 30));
        Instant responseDue = sla.getResponseDue();
        Instant resolutionDue = sla.getResolutionDue();
        sla.pause(seoul(24, 17, 0));
        assertThat(sla.nextCheck()).isNull();
        assertThat(sla.check(seoul(27, 17, 0))).isEmpty();                // nothing fires while pending
        Duration paused = sla.resume(seoul(25, 10, 0), WORKING);         // 1 h Tuesday + 1 h Wednesday
        assertThat(paused).isEqualTo(Duration.ofHours(2));
        assertThat(sla.getResolutionDue()).isEqualTo(WORKING.plus(resolutionDue, Duration.ofHours(2)));
        assertThat(sla.getResponseDue()).isEqualTo(responseDue);          // already answered: not moved
        assertThat(sla.getPausedSeconds()).isEqualTo(7200);
    }

    @Test
    void resolvingStopsTheClocksAndReportsWhetherTheTargetWasMet() {
        TicketSla sla = TicketSla.start(1, "INC-1", "P3", P3, 80, WORKING, seoul(24, 9, 0));
        sla.resolve(seoul(24, 15, 0), WORKING);
        assertThat(sla.responseMet()).isFalse(); // no answer within 4 h: resolved at 6 h is a late first response
        assertThat(sla.resolutionMet()).isTrue();
        assertThat(sla.nextCheck()).isNull();
        assertThat(sla.remainingSeconds(seoul(26, 9, 0), WORKING)).isEqualTo(Duration.ofHours(21).toSeconds());
        sla.reopen();
        assertThat(sla.resolutionMet()).isNull();
        assertThat(sla.nextCheck()).isNotNull();
    }

    @Test
    void aNewPriorityMeasuresTheRunningClocksAgainstItsTargetsFromTheStart() {
        SlaTarget p1 = new SlaTarget(Duration.ofMinutes(30), Duration.ofHours(4), true);
        BusinessCalendar allHours = BusinessCalendar.allHours(SEOUL);
        TicketSla sla = TicketSla.start(1, "INC-1", "P3", P3, 80, WORKING, seoul(24, 9, 0)); // Tuesday 09:00
        sla.pause(seoul(24, 9, 10));
        sla.resume(seoul(24, 9, 20), WORKING);                            // 10 min pending
        assertThat(sla.retarget("P3", P3, 80, WORKING)).isFalse();        // the same priority changes nothing
        // raised to P1 at 10:00: 30 min response (+10 pending) from the start, on the 24x7 calendar
        assertThat(sla.retarget("P1", p1, 80, allHours)).isTrue();
        assertThat(sla.getPriority()).isEqualTo("P1");
        assertThat(sla.isAllHours()).isTrue();
        assertThat(sla.getResponseDue()).isEqualTo(seoul(24, 9, 40));
        assertThat(sla.getResolutionDue()).isEqualTo(seoul(24, 13, 10));
        // already past: the next check flags both response thresholds at once
        assertThat(sla.check(seoul(24, 10, 0))).containsExactly(SlaEvent.RESPONSE_AT_RISK, SlaEvent.RESPONSE_BREACHED);
        sla.respond(seoul(24, 10, 5));
        // lowered to P3 again: the answered response keeps its verdict, the resolution clock runs on P3's hours
        assertThat(sla.retarget("P3", P3, 80, WORKING)).isTrue();
        assertThat(sla.responseMet()).isFalse();
        assertThat(sla.getResolutionDue()).isEqualTo(WORKING.plus(seoul(24, 9, 0), Duration.ofHours(27).plusMinutes(10)));
        assertThat(sla.isBreached()).isTrue();                           // the late response stays late
    }

    @Test
    void theNextDueTimeIsTheResponseUntilAnsweredThenTheResolutionAndNoneOnceResolved() {
        TicketSla sla = TicketSla.start(1, "INC-1", "P3", P3, 80, WORKING, seoul(24, 9, 0)); // Tuesday 09:00
        assertThat(sla.counting()).isEqualTo("response");
        assertThat(sla.nextDue()).isEqualTo(seoul(24, 13, 0));
        assertThat(sla.secondsToNextDue(seoul(24, 12, 0), WORKING)).isEqualTo(3600);
        // Overdue counts working time too: from 13:00 to 19:00 is 5 working hours (18:00 ends the day).
        assertThat(sla.secondsToNextDue(seoul(24, 19, 0), WORKING)).isEqualTo(-5 * 3600);

        sla.respond(seoul(24, 10, 0));
        assertThat(sla.counting()).isEqualTo("resolution");
        assertThat(sla.nextDue()).isEqualTo(sla.getResolutionDue());

        sla.pause(seoul(24, 11, 0));
        long whilePaused = sla.secondsToNextDue(seoul(25, 11, 0), WORKING);
        assertThat(whilePaused).as("a pause stops the countdown").isEqualTo(sla.secondsToNextDue(seoul(24, 11, 0), WORKING));
        sla.resume(seoul(24, 12, 0), WORKING);
        assertThat(sla.nextDue()).as("the pause moved it on").isEqualTo(sla.getResolutionDue());

        sla.resolve(seoul(24, 15, 0), WORKING);
        assertThat(sla.counting()).isNull();
        assertThat(sla.nextDue()).isNull();
        assertThat(sla.isResolved()).isTrue();
        assertThat(sla.resolutionMet()).isTrue();
        sla.reopen();
        assertThat(sla.counting()).isEqualTo("resolution");
    }
}
