package io.beacon.workflows.decision;

import io.beacon.platform.startup.StartupEvent;
import io.beacon.workflows.engine.ProcessEngineRuntime;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * At start, each active decision table answers its shipped sample cases, evaluated by the engine's
 * own DMN engine (no decision history is written). A table that answers otherwise (a replaced one
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
        DmnEngine dmn = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngine();
        for (DecisionDefinition table : engine.getRepositoryService().createDecisionDefinitionQuery().latestVersion().list()) {
            try (InputStream cases = DecisionTablesAtStart.class.getClassLoader()
                    .getResourceAsStream(SampleCases.file(table.getKey()))) {
                if (cases == null) {
                    continue;
                }
                DmnDecision decision = dmn.parseDecision(table.getKey(),
                        engine.getRepositoryService().getDecisionModel(table.getId()));
                List<String> wrong = SampleCases.mismatches(SampleCases.read(cases), inputs -> outputs(dmn, decision, inputs));
                if (!wrong.isEmpty()) {
                    LOG.warning("The decision table " + table.getKey() + " (version " + table.getVersion()
                            + ") answers " + wrong.size() + " of its sample cases otherwise than expected: " + wrong);
                }
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Could not check the decision table " + table.getKey() + " against its sample cases", e);
            }
        }
    }

    private static Map<String, Object> outputs(DmnEngine dmn, DmnDecision decision, Map<String, Object> inputs) {
        DmnDecisionResultEntries row = dmn.evaluateDecision(decision, inputs).getFirstResult();
        return row == null ? Map.of() : row.getEntryMap();
    }
}
