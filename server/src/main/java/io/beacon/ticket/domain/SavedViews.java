package io.beacon.ticket.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The saved queue views. */
public interface SavedViews {
    SavedView add(SavedView view);

    Optional<SavedView> byId(long id);

    Optional<SavedView> byOwnerAndName(String owner, String name);

    /** A user's own views and those shared with any of the groups, by name. */
    List<SavedView> visibleTo(String owner, Collection<Long> groupIds);

    void remove(SavedView view);
}
