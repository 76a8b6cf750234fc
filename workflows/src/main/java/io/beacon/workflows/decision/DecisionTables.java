package io.beacon.workflows.decision;

import io.beacon.workflows.engine.ProcessEngineRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.dmn.DecisionsEvaluationBuilder;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * Evaluates a deployed decision table by its key, always its latest version (a replaced table applies
 * to the next evaluation: each call asks the engine which version is the latest). A deployed version
 * never changes, so when its expressions are a function of the inputs alone (FEEL without
 * {@code now()} or {@code today()}, no script language) its answers are remembered per version and
 * inputs: evaluating FEEL was a seventh of what creating a ticket cost, and a desk asks the same few
 * impact × urgency cases all day.
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

            @Override
            RepositoryService repository() {
                return engine.getRepositoryService();
            }
        };
    }

    /** Answers remembered at most (then forgotten at once: the common cases come back within a few calls). */
    static final int ANSWERS_MAX = 1024;

    /** Per deployed version: whether its answers depend on the inputs alone. */
    private final Map<String, Boolean> pureVersions = new ConcurrentHashMap<>();
    /** Per [version id, inputs]: the outputs, for pure versions only. */
    private final Map<List<Object>, Map<String, Object>> answers = new ConcurrentHashMap<>();

    /** The outputs of the one matching row (or the first, for FIRST tables); empty when no row matches. */
    public Map<String, Object> evaluate(String key, Map<String, Object> inputs) {
        DecisionDefinition latest = repository().createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        if (latest == null) {
            return evaluateNow(decisions().evaluateDecisionByKey(key), inputs); // the engine names what is missing
        }
        if (!pureVersions.computeIfAbsent(latest.getId(), this::answersFromInputsAlone)) {
            return evaluateNow(decisions().evaluateDecisionById(latest.getId()), inputs);
        }
        List<Object> asked = List.of(latest.getId(), new HashMap<>(inputs));
        Map<String, Object> known = answers.get(asked);
        if (known != null) {
            return known;
        }
        Map<String, Object> outputs = evaluateNow(decisions().evaluateDecisionById(latest.getId()), inputs);
        if (answers.size() >= ANSWERS_MAX) {
            answers.clear();
        }
        answers.put(asked, outputs);
        return outputs;
    }

    private static Map<String, Object> evaluateNow(DecisionsEvaluationBuilder decision, Map<String, Object> inputs) {
        DmnDecisionResultEntries row = decision.variables(inputs).evaluate().getFirstResult();
        return row == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(row.getEntryMap()));
    }

    /** FEEL only, and none of its clock functions: the same inputs give the same outputs. */
    private boolean answersFromInputsAlone(String versionId) {
        try (InputStream xml = repository().getDecisionModel(versionId)) {
            return pureFeel(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean pureFeel(String dmnXml) {
        String text = dmnXml.toLowerCase(Locale.ROOT);
        Matcher language = EXPRESSION_LANGUAGE.matcher(text);
        while (language.find()) {
            if (!language.group(1).contains("feel")) {
                return false;
            }
        }
        return !CLOCK.matcher(text).find();
    }

    private static final Pattern EXPRESSION_LANGUAGE = Pattern.compile("expressionlanguage\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern CLOCK = Pattern.compile("\\b(now|today)\\s*\\(");

    DecisionService decisions() {
        return runtime.engine().getDecisionService();
    }

    RepositoryService repository() {
        return runtime.engine().getRepositoryService();
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
