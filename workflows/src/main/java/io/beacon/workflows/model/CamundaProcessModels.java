package io.beacon.workflows.model;

import io.beacon.platform.domain.Actor;
import io.beacon.platform.startup.StartupEvent;
import io.beacon.process.application.ModelDeployment;
import io.beacon.process.application.ProcessModel;
import io.beacon.process.application.ProcessModels;
import io.beacon.workflows.engine.ProcessEngineRuntime;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** The process models port on Beacon's engine: each deployment and each migration in a transaction of its own. */
@ApplicationScoped
public class CamundaProcessModels implements ProcessModels {
    private static final Logger LOG = Logger.getLogger(CamundaProcessModels.class.getName());

    @Inject
    ProcessEngineRuntime runtime;

    @Inject
    ModelTransactions tx;

    /** Right after the built-in files were deployed: an uploaded model stays active over a changed built-in one. */
    void keepUploads(@Observes @Priority(StartupEvent.PROCESS_ENGINE + 1) StartupEvent started) {
        tx.inNew(() -> store().keepUploadsOverNewBuiltIns());
    }

    @Override
    public List<ProcessModel> models() {
        return tx.inNew(() -> store().models());
    }

    @Override
    public ProcessModel model(String key) {
        return tx.inNew(() -> store().model(key));
    }

    @Override
    public ModelFile file(String key, int version) {
        return tx.inNew(() -> store().file(key, version));
    }

    @Override
    public ModelFile cases(String key, int version) {
        return tx.inNew(() -> store().cases(key, version));
    }

    @Override
    public ModelDeployment upload(Actor actor, String key, byte[] xml, byte[] cases, boolean migrate) {
        ProcessModel.Version v = tx.inNew(() -> store().deploy(key, xml, cases, actor.username(), ModelStore.UPLOADED, null));
        LOG.info(() -> actor.username() + " deployed " + key + " version " + v.version() + " (uploaded)");
        return after(key, v, migrate);
    }

    @Override
    public ModelDeployment rollback(Actor actor, String key, int version, boolean migrate) {
        ProcessModel.Version v = tx.inNew(() -> store().rollback(key, version, actor.username()));
        LOG.info(() -> actor.username() + " rolled " + key + " back to version " + version + " (now version " + v.version() + ")");
        return after(key, v, migrate);
    }

    private ModelDeployment after(String key, ProcessModel.Version v, boolean migrate) {
        ModelStore store = store();
        List<String> older = tx.inNew(() -> store.olderVersionsWithInstances(key));
        long migrated = 0;
        long stayed = 0;
        List<String> details = new ArrayList<>();
        for (String definition : older) {
            long count = tx.inNew(() -> store.instancesOn(definition));
            if (!migrate) {
                stayed += count;
                continue;
            }
            try {
                migrated += tx.inNew(() -> store.migrate(key, definition));
            } catch (RuntimeException e) {
                stayed += count;
                details.add(definition + ": " + ModelRules.message(e));
            }
        }
        String detail = !migrate ? (stayed == 0 ? null : "running instances stay on the version they started on")
                : details.isEmpty() ? null : "the engine's migration plan refused: " + String.join("; ", details);
        ProcessModel model = tx.inNew(() -> store.model(key));
        ProcessModel.Version current = model.versions().stream().filter(x -> x.version() == v.version()).findFirst()
                .orElse(v);
        return new ModelDeployment(model, current, new ModelDeployment.Migration(migrate, migrated, stayed, detail));
    }

    private ModelStore store() {
        return new ModelStore(runtime.engine());
    }
}
