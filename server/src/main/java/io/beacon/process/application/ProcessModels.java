package io.beacon.process.application;

import io.beacon.platform.domain.Actor;
import java.util.List;

/**
 * The deployed BPMN processes and DMN decision tables and their versions, for administrators: replace one
 * without a release, download any version, roll back (implemented by the process engine, workflows). A
 * refused model is an {@code InvalidInputException} that lists everything wrong with it.
 */
public interface ProcessModels {
    List<ProcessModel> models();

    /** One model by its key (process id or decision id); 404 when Beacon has no such model. */
    ProcessModel model(String key);

    /** The XML of one version; 404 when the model or version does not exist. */
    ModelFile file(String key, int version);

    /**
     * The sample cases a decision table version was checked against: its own (uploaded with it) or the shipped
     * ones; 404 for a process.
     */
    ModelFile cases(String key, int version);

    /**
     * Validates and deploys a replacement as the new active version. {@code cases} (decision tables only, may be
     * null): sample cases that state the new table's answers, in place of the shipped ones (they must still cover
     * every shipped case's inputs). With {@code migrate}, running instances move to the new version where the
     * engine's migration plan allows it; otherwise they stay on theirs.
     */
    ModelDeployment upload(Actor actor, String key, byte[] xml, byte[] cases, boolean migrate);

    /** Deploys an earlier version's XML again, as a new active version recorded as a rollback by the actor. */
    ModelDeployment rollback(Actor actor, String key, int version, boolean migrate);

    /** A model file's content and the name to save it under. */
    record ModelFile(String fileName, byte[] content) {}
}
