package io.beacon.change.application;

import io.beacon.change.domain.ChangeConflict;
import java.util.List;

/** What a planned window would run into, before the change exists (the new-change form asks while typing). */
public record ConflictPreview(List<ChangeConflict> conflicts) {}
