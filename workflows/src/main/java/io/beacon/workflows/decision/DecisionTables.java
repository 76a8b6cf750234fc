package io.beacon.workflows.decision;

import io.beacon.workflows.engine.ProcessEngineRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Evaluates a deployed decision table by its key, always its latest version (a replaced table applies
 * to the next evaluation). The engine caches the parsed tables; nothing is cached here.
 */
@ApplicationScoped
public class DecisionTables {
    @Inject
    ProcessEngineRuntime runtime;

    /** Tables on the given engine (process tests). */
    public static DecisionTables on(ProcessEngine engine) {
        return new DecisionTables() {
            @Override
            DecisionService decisions() {
                return engine.getDecisionService();
            }
        };
    }

    /** The outputs of the one matching row (or the first, for FIRST tables); empty when no row matches. */
    public Map<String, Object> evaluate(String key, Map<String, Object> inputs) {
        DmnDecisionResult result = decisions().evaluateDecisionByKey(key).variables(inputs).evaluate();
        DmnDecisionResultEntries row = result.getFirstResult();
        return row == null ? Map.of() : row.getEntryMap();
    }

    DecisionService decisions() {
        return runtime.engine().getDecisionService();
    }

    /** A string output the caller needs, or a clear failure naming the table (a replaced table may lack it). */
    static String required(String key, Map<String, Object> row, String output) {
        Object value = row.get(output);
        if (value == null) {
            throw new IllegalStateException("The decision table " + key + " gave no " + output + " for this case");
        }
        return value.toString();
    }
}
