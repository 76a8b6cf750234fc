package io.beacon.cmdb.application;

import io.beacon.cmdb.domain.ConfigurationItems;
import io.beacon.platform.domain.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks the CI ids that a ticket, a change or a window links to: every one must name an existing CI. */
@ApplicationScoped
public class CiReferences {
    @Inject
    ConfigurationItems cis;

    /** The ids, in their order and without repeats; a 422 on {@code ciIds} names those that do not exist. */
    public Set<Long> checked(List<Long> ids, int max) {
        if (ids == null || ids.isEmpty()) {
            return Set.of();
        }
        if (ids.size() > max || ids.stream().anyMatch(id -> id == null)) {
            throw new InvalidInputException("ciIds", "at most " + max + " CI ids, none of them null");
        }
        Set<Long> wanted = new LinkedHashSet<>(ids);
        Set<Long> existing = cis.existingIds(wanted);
        List<Long> missing = wanted.stream().filter(id -> !existing.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("ciIds", "no configuration item with id " + missing);
        }
        return wanted;
    }
}
