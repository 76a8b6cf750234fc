package io.beacon.platform.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits long IN lists, so that no query carries more parameters than databases like. */
public final class Chunks {
    public static final int IN_LIST = 1000;

    private Chunks() {}

    public static <T> List<List<T>> of(Collection<T> values, int size) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }
}
