package io.beacon.platform.domain;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** One page of a longer result: the items, the total count and where the page sits. */
public record Page<T>(List<T> items, long total, int page, int size) {
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, page, size);
    }

    /**
     * The total of a result whose page {@code items} were just read: a page that is not full is the
     * last one, so the total is known without counting. That saves a query on every short list, and
     * the answer cannot disagree with its own items (read committed: a row committed between the two
     * reads was counted but not listed). Only a full page, or an empty one past the first, asks
     * {@code count}.
     */
    public static long totalOf(List<?> items, PageRequest request, Supplier<Long> count) {
        boolean lastPage = items.size() < request.size() && (request.offset() == 0 || !items.isEmpty());
        return lastPage ? (long) request.offset() + items.size() : count.get();
    }
}
