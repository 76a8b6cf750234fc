package io.beacon.workflows.model;

import io.beacon.workflows.decision.SampleCases;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;

/**
 * What a replacement model must keep, derived at run time from the built-in model it replaces (never a list
 * kept by hand): a process keeps its process id, every user task id, message name and service-task expression
 * of the built-in diagram, which Beacon's Java code completes, correlates and calls; a decision table keeps its
 * decision id, the built-in inputs (the variables Beacon passes) and outputs (the values it reads), and gives
 * the sample cases their expected answers. Each check returns every problem found, empty when the model passes.
 */
public final class ModelRules {
    private ModelRules() {}

    /** A process model's problems: unparsable, or missing what the built-in one has that Beacon relies on. */
    public static List<String> process(byte[] builtIn, byte[] uploaded) {
        BpmnModelInstance required = Bpmn.readModelFromStream(new ByteArrayInputStream(builtIn));
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(uploaded));
        } catch (RuntimeException e) {
            return List.of("the file is not a BPMN 2.0 model Camunda can read: " + message(e));
        }
        List<String> out = new ArrayList<>();
        Set<String> wantedIds = ids(required.getModelElementsByType(Process.class));
        Set<String> processIds = ids(model.getModelElementsByType(Process.class));
        missing(out, "process id", wantedIds, processIds);
        Set<String> extra = new TreeSet<>(processIds);
        extra.removeAll(wantedIds);
        extra.forEach(id -> out.add("process " + id + " is not one of this model's processes (" + wantedIds + ")"));
        for (Process p : model.getModelElementsByType(Process.class)) {
            if (wantedIds.contains(p.getId()) && !p.isExecutable()) {
                out.add("process " + p.getId() + " is not executable (isExecutable=\"false\")");
            }
        }
        missing(out, "user task", ids(required.getModelElementsByType(UserTask.class)),
                ids(model.getModelElementsByType(UserTask.class)));
        missing(out, "message", messages(required), messages(model));
        missing(out, "service task expression", expressions(required), expressions(model));
        return out;
    }

    /**
     * A decision table's problems: unparsable, a lost decision id, input or output, or a sample case it answers
     * otherwise ({@code cases}: the cases to give, the shipped ones or the administrator's own).
     */
    public static List<String> decision(String key, byte[] builtIn, byte[] uploaded, List<SampleCases.Case> cases) {
        DmnModelInstance required = Dmn.readModelFromStream(new ByteArrayInputStream(builtIn));
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(uploaded));
        } catch (RuntimeException e) {
            return List.of("the file is not a DMN 1.3 model Camunda can read: " + message(e));
        }
        List<String> out = new ArrayList<>();
        Decision wanted = decision(required, key);
        Decision decision = decision(model, key);
        if (decision == null) {
            out.add("decision id " + key + " is missing (the file holds "
                    + ids(model.getModelElementsByType(Decision.class)) + ")");
            return out;
        }
        ids(model.getModelElementsByType(Decision.class)).stream().filter(id -> !id.equals(key))
                .forEach(id -> out.add("decision " + id + " is not this table's decision (" + key + ")"));
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            out.add("decision " + key + " is not a decision table");
            return out;
        }
        DecisionTable wantedTable = (DecisionTable) wanted.getExpression();
        missing(out, "input", inputs(wantedTable.getInputs()), inputs(table.getInputs()));
        missing(out, "output", outputs(wantedTable.getOutputs()), outputs(table.getOutputs()));
        if (!out.isEmpty()) {
            return out;
        }
        DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try {
            engine.parseDecision(key, model);
        } catch (RuntimeException e) {
            out.add("Camunda's DMN engine cannot use the table: " + message(e));
            return out;
        }
        SampleCases.mismatches(cases, SampleCases.parsed(new ByteArrayInputStream(uploaded), key))
                .forEach(m -> out.add("sample case " + m));
        return out;
    }

    /**
     * An administrator's own sample cases, in place of the shipped ones: they must read, and cover the inputs of
     * every shipped case (they restate the answers, they may not drop a case).
     */
    public static List<String> ownCases(List<SampleCases.Case> shipped, List<SampleCases.Case> parsed) {
        List<String> out = new ArrayList<>();
        Set<Object> given = new LinkedHashSet<>();
        parsed.forEach(c -> given.add(c.inputs()));
        for (SampleCases.Case c : shipped) {
            if (!given.contains(c.inputs())) {
                out.add("the sample cases leave out the shipped case " + c.inputs());
            }
        }
        return out;
    }

    private static Decision decision(DmnModelInstance model, String key) {
        return model.getModelElementsByType(Decision.class).stream().filter(d -> key.equals(d.getId()))
                .findFirst().orElse(null);
    }

    private static Set<String> inputs(Collection<Input> inputs) {
        Set<String> out = new TreeSet<>();
        for (Input i : inputs) {
            if (i.getInputExpression() != null && i.getInputExpression().getText() != null) {
                out.add(i.getInputExpression().getText().getTextContent().strip());
            }
        }
        return out;
    }

    private static Set<String> outputs(Collection<Output> outputs) {
        Set<String> out = new TreeSet<>();
        outputs.stream().map(Output::getName).filter(Objects::nonNull).forEach(out::add);
        return out;
    }

    private static Set<String> messages(BpmnModelInstance model) {
        Set<String> out = new TreeSet<>();
        model.getModelElementsByType(Message.class).stream().map(Message::getName).filter(Objects::nonNull)
                .forEach(out::add);
        return out;
    }

    /** The expressions, delegate expressions and classes of service, send and business rule tasks. */
    private static Set<String> expressions(BpmnModelInstance model) {
        Set<String> out = new TreeSet<>();
        for (ServiceTask t : model.getModelElementsByType(ServiceTask.class)) {
            add(out, t.getCamundaExpression(), t.getCamundaDelegateExpression(), t.getCamundaClass());
        }
        for (SendTask t : model.getModelElementsByType(SendTask.class)) {
            add(out, t.getCamundaExpression(), t.getCamundaDelegateExpression(), t.getCamundaClass());
        }
        for (BusinessRuleTask t : model.getModelElementsByType(BusinessRuleTask.class)) {
            add(out, t.getCamundaExpression(), t.getCamundaDelegateExpression(), t.getCamundaClass());
        }
        return out;
    }

    private static void add(Set<String> out, String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v.strip());
            }
        }
    }

    private static Set<String> ids(Collection<? extends org.camunda.bpm.model.xml.instance.ModelElementInstance> elements) {
        Set<String> out = new TreeSet<>();
        for (var e : elements) {
            String id = e.getAttributeValue("id");
            if (id != null) {
                out.add(id);
            }
        }
        return out;
    }

    private static void missing(List<String> out, String what, Set<String> required, Set<String> present) {
        for (String r : required) {
            if (!present.contains(r)) {
                out.add(what + " " + r + " is missing (Beacon relies on it)");
            }
        }
    }

    /** The innermost message of a parse failure, without the model API's class names. */
    static String message(Throwable e) {
        Throwable t = e;
        String best = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                best = t.getMessage();
            }
        }
        return best == null ? e.getClass().getSimpleName() : best;
    }
}
