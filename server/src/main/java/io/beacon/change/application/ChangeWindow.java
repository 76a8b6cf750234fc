package io.beacon.change.application;

import java.time.Instant;
import java.util.Set;

/** An approved change's window over its CIs, as the change calendar answers it. */
public record ChangeWindow(long changeId, String key, String title, String status, Set<Long> ciIds, Instant start,
        Instant end) {}
