package io.beacon.workflows.decision;

import io.beacon.platform.startup.StartupEvent;
import io.beacon.workflows.engine.ProcessEngineRuntime;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * At start, each active decision table (the deployed latest version) answers its shipped sample
 * cases, evaluated by a DMN engine of its own (no decision history is written; the engine's own DMN
 * engine parses only inside its deployment commands). A table that answers otherwise (a replaced one
 * that forgot a case) is named in the log at once rather than when the first ticket meets it; and the
 * first tickets of an alarm storm after a restart find the expression language loaded, not loading.
 */
@ApplicationScoped
public class DecisionTablesAtStart {
    private static final Logger LOG = Logger.getLogger(DecisionTablesAtStart.class.getName());

    @Inject
    ProcessEngineRuntime runtime;

    void check(@Observes @Priority(StartupEvent.PROCESS_ENGINE + 1) StartupEvent started) {
        if (!runtime.isStarted()) {
            return;
        }
        ProcessEngine engine = runtime.engine();
        for (DecisionDefinition table : engine.getRepositoryService().createDecisionDefinitionQuery().latestVersion().list()) {
            try (InputStream cases = casesOf(engine, table)) {
                if (cases == null) {
                    continue;
                }
                List<String> wrong;
                try (InputStream model = engine.getRepositoryService().getDecisionModel(table.getId())) {
                    wrong = SampleCases.mismatches(SampleCases.read(cases), SampleCases.parsed(model, table.getKey()));
                }
                if (!wrong.isEmpty()) {
                    LOG.warning("The decision table " + table.getKey() + " (version " + table.getVersion()
                            + ") answers " + wrong.size() + " of its sample cases otherwise than expected: " + wrong);
                }
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Could not check the decision table " + table.getKey() + " against its sample cases", e);
            }
        }
    }


    /** The sample cases the table's version was deployed with (an upload may bring its own), else the shipped ones. */
    private static InputStream casesOf(ProcessEngine engine, DecisionDefinition table) {
        String file = SampleCases.file(table.getKey());
        if (engine.getRepositoryService().getDeploymentResourceNames(table.getDeploymentId()).contains(file)) {
            return engine.getRepositoryService().getResourceAsStream(table.getDeploymentId(), file);
        }
        return DecisionTablesAtStart.class.getClassLoader().getResourceAsStream(file);
    }
}
