package io.beacon.cmdb.application;

/**
 * Carries each committed CMDB change to the other core nodes, whose {@link CmdbView} applies it as
 * if it had been committed there (attribution and topology on every node see every write).
 * Inactive on a single node, where the view is the only one.
 */
public interface CmdbBroadcast {
    boolean active();

    /** On the committing thread, before the writer's caller gets its answer. */
    void publish(CmdbChange change);
}
