package io.beacon.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PageTest {
    private final AtomicInteger counted = new AtomicInteger();

    private long count() {
        counted.incrementAndGet();
        return 99;
    }

    @Test
    void aShortFirstPageIsTheWholeResultAndNeedsNoCount() {
        assertThat(Page.totalOf(List.of("a", "b"), PageRequest.of(0, 50), this::count)).isEqualTo(2);
        assertThat(Page.totalOf(List.of(), PageRequest.of(0, 50), this::count)).isZero();
        assertThat(counted).hasValue(0);
    }

    @Test
    void aShortLaterPageEndsTheResult() {
        assertThat(Page.totalOf(List.of("a"), PageRequest.of(2, 50), this::count)).isEqualTo(101);
        assertThat(counted).hasValue(0);
    }

    @Test
    void aFullPageOrAnEmptyOnePastTheEndIsCounted() {
        assertThat(Page.totalOf(List.of("a", "b"), PageRequest.of(0, 2), this::count)).isEqualTo(99);
        assertThat(Page.totalOf(List.of(), PageRequest.of(7, 50), this::count)).isEqualTo(99);
        assertThat(counted).hasValue(2);
    }
}
