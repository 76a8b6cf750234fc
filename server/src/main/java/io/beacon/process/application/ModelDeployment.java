package io.beacon.process.application;

/** What an upload or rollback deployed, and what became of the running instances. */
public record ModelDeployment(ProcessModel model, ProcessModel.Version version, Migration migration) {
    /**
     * {@code requested}: the administrator asked to migrate; {@code migrated}/{@code stayed}: running instances moved
     * to the new version or left on theirs; {@code detail}: why some stayed (the engine's migration plan refused).
     */
    public record Migration(boolean requested, long migrated, long stayed, String detail) {}
}
