package io.beacon.change.domain;

import io.beacon.platform.domain.SystemText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what approvers must know about a change's window: approved changes that overlap it on the
 * same CIs or on CIs related to them (what they depend on, what depends on them), and freeze windows.
 */
public final class ConflictDetector {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ConflictDetector() {}

    /**
     * @param related for each CI of the change, the CIs it is related to through the topology
     * @param candidates approved changes overlapping the window on any of these CIs (may include the change)
     */
    public static List<ChangeConflict> find(Change change, Map<Long, Set<Long>> related, List<Change> candidates,
            List<FreezeWindow> freezes, Map<Long, String> ciNames) {
        List<ChangeConflict> out = new ArrayList<>();
        for (Change other : candidates) {
            if (other.getKey().equals(change.getKey()) || !other.getStatus().isApproved()
                    || !other.overlaps(change.getPlannedStart(), change.getPlannedEnd())) {
                continue;
            }
            SystemText reason = reason(change, other, related, ciNames);
            if (reason != null) {
                out.add(new ChangeConflict(ChangeConflict.CHANGE, other.getKey(), reason));
            }
        }
        for (FreezeWindow freeze : freezes) {
            if (freeze.overlaps(change.getPlannedStart(), change.getPlannedEnd())) {
                out.add(new ChangeConflict(ChangeConflict.FREEZE, freeze.name(), SystemText.of("sys.conflict.freeze",
                        "the window overlaps the freeze '" + freeze.name() + "' (" + AT.format(freeze.start()) + " to "
                        + AT.format(freeze.end()) + ")", "freeze", freeze.name(), "fromAt", freeze.start(), "toAt", freeze.end())));
            }
        }
        return out;
    }

    private static SystemText reason(Change change, Change other, Map<Long, Set<Long>> related, Map<Long, String> names) {
        for (Long ci : change.getCiIds()) {
            if (other.getCiIds().contains(ci)) {
                return SystemText.of("sys.conflict.sameCi", other.getKey() + " (" + other.getStatus().code() + ") changes "
                        + name(ci, names) + " in an overlapping window", "change", other.getKey(),
                        "changeStatus", other.getStatus().code(), "ci", name(ci, names));
            }
        }
        for (Long ci : change.getCiIds()) {
            for (Long near : related.getOrDefault(ci, Set.of())) {
                if (other.getCiIds().contains(near)) {
                    return SystemText.of("sys.conflict.relatedCi", other.getKey() + " (" + other.getStatus().code()
                            + ") changes " + name(near, names) + ", related to " + name(ci, names) + ", in an overlapping window",
                            "change", other.getKey(), "changeStatus", other.getStatus().code(), "near", name(near, names),
                            "ci", name(ci, names));
                }
            }
        }
        return null;
    }

    private static String name(Long id, Map<Long, String> names) {
        String n = names.get(id);
        return n == null ? "CI " + id : n + " (CI " + id + ")";
    }
}
