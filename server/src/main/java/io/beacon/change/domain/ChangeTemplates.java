package io.beacon.change.domain;

import java.util.List;
import java.util.Optional;

/** The catalogue of standard-change templates. */
public interface ChangeTemplates {
    ChangeTemplate add(ChangeTemplate template);

    Optional<ChangeTemplate> byId(long id);

    Optional<ChangeTemplate> byName(String name);

    /** By name. */
    List<ChangeTemplate> all();

    void remove(ChangeTemplate template);
}
