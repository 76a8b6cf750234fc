package io.beacon.cmdb.domain;

import java.util.Set;

/** Who depends on whom, transitively, by CI id (what correlation asks of the CMDB). */
public interface Dependencies {
    /** Every CI that {@code ci} depends on, directly or through any chain of relations; not {@code ci} itself. */
    Set<Long> dependenciesOf(long ci);

    /** Every CI that depends on {@code ci}, to any depth; not {@code ci} itself. */
    Set<Long> dependantsOf(long ci);
}
