package io.beacon.change.application;

import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeFilter;
import io.beacon.change.domain.Changes;
import io.beacon.platform.domain.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which approved changes (scheduled or implementing) cover a CI at a time: the port event correlation
 * asks, to explain (and suppress) alarms raised by planned work.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeCalendar {
    @Inject
    Changes changes;

    /** Approved changes whose planned window contains {@code at} and that name the CI. */
    public List<ChangeWindow> covering(long ciId, Instant at) {
        return coveringAny(Set.of(ciId), at);
    }

    public List<ChangeWindow> coveringAny(Collection<Long> ciIds, Instant at) {
        if (ciIds.isEmpty()) {
            return List.of();
        }
        return changes.approvedOn(ciIds, at, at.plusNanos(1000)).stream().map(ChangeCalendar::window).toList();
    }

    /** Every approved change whose window overlaps [from, to) (the calendar view). */
    public List<ChangeWindow> between(Instant from, Instant to) {
        return changes.find(ChangeFilter.approvedOverlapping(from, to), PageRequest.of(0, PageRequest.MAX_SIZE)).items().stream()
                .map(ChangeCalendar::window).toList();
    }

    static ChangeWindow window(Change c) {
        return new ChangeWindow(c.getId(), c.getKey(), c.getTitle(), c.getStatus().code(), c.getCiIds(),
                c.getPlannedStart(), c.getPlannedEnd());
    }
}
