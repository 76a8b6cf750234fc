package io.beacon.workflows.model;

import io.beacon.platform.domain.FieldError;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.process.application.ProcessModel;
import io.beacon.process.application.ProcessModels;
import io.beacon.workflows.decision.SampleCases;
import io.beacon.workflows.engine.ProcessFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.ResourceReport;

/**
 * The versions of each model, kept in Camunda's own deployment repository (nothing else to keep in step): a
 * version is a process or decision definition; its deployment says where it came from. Built-in deployments are
 * named {@value ProcessFiles#DEPLOYMENT_NAME}; an upload or rollback is named {@code beacon-model:<source>} or
 * {@code beacon-model:<source>:rollback-of:<version>} and its deployment source is the administrator's user name.
 * Evaluations and new process instances always take the latest version, so a deployment applies at once.
 */
public final class ModelStore {
    private static final Logger LOG = Logger.getLogger(ModelStore.class.getName());
    static final String PREFIX = "beacon-model:";
    static final String BUILT_IN = "built-in";
    static final String UPLOADED = "uploaded";
    private static final String ROLLBACK_OF = ":rollback-of:";

    private final ProcessEngine engine;

    public ModelStore(ProcessEngine engine) {
        this.engine = engine;
    }

    /** One version of a model as the engine has it (a process or decision definition). */
    record Def(String id, int version, String deploymentId, String resourceName, String name) {}

    public List<ProcessModel> models() {
        Map<String, Deployment> deployments = deployments();
        return BuiltInModels.all().stream().map(b -> model(b, deployments)).toList();
    }

    public ProcessModel model(String key) {
        return model(builtIn(key), deployments());
    }

    public ProcessModels.ModelFile file(String key, int version) {
        BuiltInModels.BuiltIn b = builtIn(key);
        Def def = def(b, version);
        return new ProcessModels.ModelFile(key + "-v" + version + (b.kind().equals("process") ? ".bpmn" : ".dmn"),
                resource(def.deploymentId(), def.resourceName()));
    }

    /** The sample cases a table's version was checked against: its own, or else the shipped ones. */
    public ProcessModels.ModelFile cases(String key, int version) {
        BuiltInModels.BuiltIn b = builtIn(key);
        if (!b.kind().equals("decision")) {
            throw new NotFoundException("Sample cases of", key);
        }
        Def def = def(b, version);
        byte[] own = optionalResource(def.deploymentId(), SampleCases.file(key));
        return new ProcessModels.ModelFile(key + ".cases.json", own != null ? own : BuiltInModels.read(SampleCases.file(key)));
    }

    /**
     * Checks a model against the built-in one and deploys it as the new latest version; refused with every problem
     * listed. {@code casesJson}: the administrator's own sample cases of a table, or null for the shipped ones.
     */
    public ProcessModel.Version deploy(String key, byte[] xml, byte[] casesJson, String by, String source,
            Integer rollbackOf) {
        BuiltInModels.BuiltIn b = builtIn(key);
        List<FieldError> problems = new ArrayList<>();
        if (b.kind().equals("process")) {
            ModelRules.process(b.xml(), xml).forEach(p -> problems.add(new FieldError("model", p)));
        } else {
            List<SampleCases.Case> cases = b.cases();
            if (casesJson != null) {
                try {
                    List<SampleCases.Case> own = SampleCases.read(new ByteArrayInputStream(casesJson));
                    ModelRules.ownCases(cases, own).forEach(p -> problems.add(new FieldError("cases", p)));
                    cases = own;
                } catch (RuntimeException e) {
                    problems.add(new FieldError("cases", "the sample cases are not a cases.json file ({\"cases\": "
                            + "[{\"inputs\": {..}, \"outputs\": {..}}]}): " + ModelRules.message(e)));
                }
            }
            if (problems.isEmpty()) {
                ModelRules.decision(key, b.xml(), xml, cases).forEach(p -> problems.add(new FieldError("model", p)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ModelRefusedException(key, problems);
        }
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
                .name(PREFIX + source + (rollbackOf == null ? "" : ROLLBACK_OF + rollbackOf))
                .source(by)
                .addInputStream(b.resource(), new ByteArrayInputStream(xml));
        if (casesJson != null) {
            builder.addInputStream(SampleCases.file(key), new ByteArrayInputStream(casesJson));
        }
        try {
            builder.deploy();
        } catch (ParseException e) {
            List<FieldError> errors = new ArrayList<>();
            for (ResourceReport report : e.getResorceReports()) {
                report.getErrors().forEach(p -> errors.add(new FieldError("model", p.getMessage())));
            }
            throw new ModelRefusedException(key, errors.isEmpty() ? List.of(new FieldError("model", e.getMessage())) : errors);
        } catch (ProcessEngineException e) {
            throw new ModelRefusedException(key, List.of(new FieldError("model", "Camunda refused the model: "
                    + ModelRules.message(e))));
        }
        ProcessModel model = model(key);
        return model.versions().get(model.versions().size() - 1);
    }

    /** An earlier version's XML, source and own sample cases, to deploy again. */
    public ProcessModel.Version rollback(String key, int version, String by) {
        BuiltInModels.BuiltIn b = builtIn(key);
        Def def = def(b, version);
        Deployment d = deployments().get(def.deploymentId());
        byte[] cases = b.kind().equals("decision") ? optionalResource(d.getId(), SampleCases.file(key)) : null;
        return deploy(key, resource(d.getId(), def.resourceName()), cases, by, source(d), version);
    }

    /** Process definitions of this model older than the latest that still have running instances. */
    public List<String> olderVersionsWithInstances(String key) {
        BuiltInModels.BuiltIn b = builtIn(key);
        List<Def> defs = defs(b);
        if (!b.kind().equals("process") || defs.size() < 2) {
            return List.of();
        }
        RuntimeService runtime = engine.getRuntimeService();
        return defs.subList(0, defs.size() - 1).stream()
                .filter(d -> runtime.createProcessInstanceQuery().processDefinitionId(d.id()).count() > 0)
                .map(Def::id).toList();
    }

    public long instancesOn(String definitionId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(definitionId).count();
    }

    /**
     * Moves the running instances of one older version to the latest, with Camunda's plan that maps equal
     * activities; the engine refuses (an exception) when the plan or an instance does not allow it.
     */
    public long migrate(String key, String fromDefinitionId) {
        List<Def> defs = defs(builtIn(key));
        String target = defs.get(defs.size() - 1).id();
        RuntimeService runtime = engine.getRuntimeService();
        long count = instancesOn(fromDefinitionId);
        MigrationPlan plan = runtime.createMigrationPlan(fromDefinitionId, target).mapEqualActivities().build();
        runtime.newMigration(plan).processInstanceQuery(runtime.createProcessInstanceQuery()
                .processDefinitionId(fromDefinitionId)).execute();
        return count;
    }

    /**
     * After start-up deployed a changed built-in model over an uploaded one, deploys the upload again on top, so
     * that a release never silently replaces what an administrator put there; when the upload no longer passes
     * the checks against the new built-in model, the built-in stays active and the reason is logged.
     */
    public List<String> keepUploadsOverNewBuiltIns() {
        List<String> out = new ArrayList<>();
        Map<String, Deployment> deployments = deployments();
        for (BuiltInModels.BuiltIn b : BuiltInModels.all()) {
            List<Def> defs = defs(b);
            if (defs.size() < 2) {
                continue;
            }
            Def latest = defs.get(defs.size() - 1);
            Def before = defs.get(defs.size() - 2);
            Deployment latestDeployment = deployments.get(latest.deploymentId());
            Deployment beforeDeployment = deployments.get(before.deploymentId());
            if (!ProcessFiles.DEPLOYMENT_NAME.equals(latestDeployment.getName())
                    || !UPLOADED.equals(source(beforeDeployment))) {
                continue;
            }
            try {
                rollback(b.key(), before.version(), "beacon");
                out.add(b.key() + ": the new built-in model is version " + latest.version()
                        + "; the uploaded version " + before.version() + " stays active (deployed again)");
            } catch (InvalidInputException e) {
                out.add(b.key() + ": the new built-in model (version " + latest.version() + ") replaced the uploaded "
                        + "version " + before.version() + ", which no longer passes its checks: " + e.errors());
            }
        }
        out.forEach(LOG::warning);
        return out;
    }

    private ProcessModel model(BuiltInModels.BuiltIn b, Map<String, Deployment> deployments) {
        List<Def> defs = defs(b);
        List<ProcessModel.Version> versions = new ArrayList<>();
        int active = defs.isEmpty() ? 0 : defs.get(defs.size() - 1).version();
        for (Def d : defs) {
            Deployment deployment = deployments.get(d.deploymentId());
            versions.add(new ProcessModel.Version(d.version(), source(deployment), deployedBy(deployment),
                    deployment.getDeploymentTime().toInstant(), rollbackOf(deployment), d.version() == active,
                    b.kind().equals("process") ? instancesOn(d.id()) : 0));
        }
        String name = defs.isEmpty() ? b.key() : defs.get(defs.size() - 1).name();
        return new ProcessModel(b.key(), b.kind(), name == null ? b.key() : name, b.fileName(), active, versions);
    }

    private List<Def> defs(BuiltInModels.BuiltIn b) {
        RepositoryService repo = engine.getRepositoryService();
        List<Def> out = b.kind().equals("process")
                ? repo.createProcessDefinitionQuery().processDefinitionKey(b.key()).list().stream()
                        .map(d -> new Def(d.getId(), d.getVersion(), d.getDeploymentId(), d.getResourceName(), d.getName()))
                        .collect(Collectors.toList())
                : repo.createDecisionDefinitionQuery().decisionDefinitionKey(b.key()).list().stream()
                        .map(d -> new Def(d.getId(), d.getVersion(), d.getDeploymentId(), d.getResourceName(), d.getName()))
                        .collect(Collectors.toList());
        out.sort(Comparator.comparingInt(Def::version));
        return out;
    }

    private Def def(BuiltInModels.BuiltIn b, int version) {
        return defs(b).stream().filter(d -> d.version() == version).findFirst()
                .orElseThrow(() -> new NotFoundException("Version", version + " of " + b.key()));
    }

    private Map<String, Deployment> deployments() {
        return engine.getRepositoryService().createDeploymentQuery().list().stream()
                .collect(Collectors.toMap(Deployment::getId, Function.identity()));
    }

    private static BuiltInModels.BuiltIn builtIn(String key) {
        return BuiltInModels.find(key).orElseThrow(() -> new NotFoundException("Model", key));
    }

    static String source(Deployment d) {
        String name = d.getName() == null ? "" : d.getName();
        if (!name.startsWith(PREFIX)) {
            return BUILT_IN;
        }
        String rest = name.substring(PREFIX.length());
        int rollback = rest.indexOf(ROLLBACK_OF);
        return rollback < 0 ? rest : rest.substring(0, rollback);
    }

    static Integer rollbackOf(Deployment d) {
        String name = d.getName() == null ? "" : d.getName();
        int at = name.indexOf(ROLLBACK_OF);
        return name.startsWith(PREFIX) && at >= 0 ? Integer.valueOf(name.substring(at + ROLLBACK_OF.length())) : null;
    }

    private static String deployedBy(Deployment d) {
        return d.getName() != null && d.getName().startsWith(PREFIX) && d.getSource() != null ? d.getSource() : "beacon";
    }

    private byte[] resource(String deploymentId, String name) {
        try (InputStream in = engine.getRepositoryService().getResourceAsStream(deploymentId, name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] optionalResource(String deploymentId, String name) {
        boolean present = engine.getRepositoryService().getDeploymentResourceNames(deploymentId).contains(name);
        return present ? resource(deploymentId, name) : null;
    }
}
