package io.beacon.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.platform.domain.FieldError;
import io.beacon.platform.domain.InvalidInputException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SavedViewTest {
    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void keepsItsNameAndParametersTrimmedAndDropsEmptyOnes() {
        Map<String, String> params = new HashMap<>();
        params.put("status", " open ");
        params.put("sort", "due");
        params.put("q", "");
        SavedView view = new SavedView("agent", "  오늘 기한 ", 7L, params, NOW);
        assertThat(view.getName()).isEqualTo("오늘 기한");
        assertThat(view.getGroupId()).isEqualTo(7L);
        assertThat(view.getParams()).containsExactly(Map.entry("sort", "due"), Map.entry("status", "open"));

        view.change("Due today", null, Map.of("sort", "-due"), NOW.plusSeconds(60));
        assertThat(view.getGroupId()).isNull();
        assertThat(view.getParams()).containsExactly(Map.entry("sort", "-due"));
        assertThat(view.getUpdatedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void refusesABlankNameBadParameterNamesAndTooManyAtOnce() {
        Map<String, String> many = new HashMap<>();
        IntStream.range(0, SavedView.PARAMS_MAX + 1).forEach(i -> many.put("p" + i, "x"));
        many.put("drop table", "x");
        assertThatThrownBy(() -> new SavedView("agent", " ", null, many, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("name", "params", "params"));
        assertThatThrownBy(() -> new SavedView("agent", "x", null, Map.of("q", "가".repeat(SavedView.VALUE_MAX + 1)), NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("longer than");
    }
}
