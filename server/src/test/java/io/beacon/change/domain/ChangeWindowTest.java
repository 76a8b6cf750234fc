package io.beacon.change.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.platform.domain.InvalidInputException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A window in the past is refused, naming the field; an approval of a passed window cannot be given; outcomes. */
class ChangeWindowTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static InvalidInputException refused(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aNewChangeMayNeitherStartNorEndInThePast() {
        InvalidInputException start = refused(() -> Change.checkNotPast(NOW.minusSeconds(600), NOW.plusSeconds(3600), NOW, true));
        assertThat(start.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("plannedStart");
            assertThat(e.message()).contains("in the past");
        });
        InvalidInputException end = refused(() -> Change.checkNotPast(NOW.minusSeconds(7200), NOW.minusSeconds(3600), NOW, true));
        assertThat(end.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("plannedEnd"));
        assertThatCode(() -> Change.checkNotPast(NOW.plusSeconds(60), NOW.plusSeconds(3600), NOW, true)).doesNotThrowAnyException();
        // the minutes it takes to fill in the form after choosing "now"
        assertThatCode(() -> Change.checkNotPast(NOW.minusSeconds(120), NOW.plusSeconds(3600), NOW, true)).doesNotThrowAnyException();
    }

    @Test
    void aRescheduledWindowMayHaveStartedButNotEnded() {
        assertThatCode(() -> Change.checkNotPast(NOW.minusSeconds(60), NOW.plusSeconds(3600), NOW, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Change.checkNotPast(NOW.minusSeconds(7200), NOW, NOW, false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("plannedEnd");
    }

    @Test
    void aWindowHasPassedOnceItsEndIsReached() {
        Change change = new Change(9, ChangeType.NORMAL, "Patch", null, Risk.LOW, NOW.plusSeconds(60), NOW.plusSeconds(3600),
                "p", "b", "kim", null, Set.of(), NOW);
        assertThat(change.windowPassed(NOW)).isFalse();
        assertThat(change.windowPassed(NOW.plusSeconds(1800))).isFalse();
        assertThat(change.windowPassed(NOW.plusSeconds(3600))).isTrue();
    }

    @Test
    void theOutcomeAndTestPlanAreRecordedInTheHistory() {
        Change change = new Change(9, ChangeType.NORMAL, "Patch", null, Risk.LOW, NOW.plusSeconds(60), NOW.plusSeconds(3600),
                "p", "b", "kim", null, Set.of(), NOW);
        change.planTests("login works", NOW);
        change.recordOutcome(ChangeOutcome.BACKED_OUT, NOW);
        assertThat(change.drainEdits()).extracting(ChangeEdit::field, ChangeEdit::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("testPlan", "login works"),
                        org.assertj.core.groups.Tuple.tuple("outcome", "backed_out"));
        assertThat(change.getOutcome()).isEqualTo(ChangeOutcome.BACKED_OUT);
        assertThat(ChangeOutcome.fromCode("outcome", "failed")).isEqualTo(ChangeOutcome.FAILED);
        assertThatThrownBy(() -> ChangeOutcome.fromCode("outcome", "fine")).isInstanceOf(InvalidInputException.class);
    }
}
