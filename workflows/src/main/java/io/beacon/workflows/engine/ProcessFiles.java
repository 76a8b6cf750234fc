package io.beacon.workflows.engine;

import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/**
 * The BPMN files under {@code processes/}, the DMN decision tables under {@code decisions/}, and their deployment. Named explicitly (no class-path
 * scanning on Liberty); duplicate filtering deploys a new version only of a file that changed since the
 * last built-in deployment (an uploaded model is no reason to deploy the built-in one again), and running
 * instances keep the version they started on.
 */
public final class ProcessFiles {
    public static final List<String> ALL = List.of(
            "processes/change-management.bpmn",
            "processes/ticket-lifecycle.bpmn");

    public static final List<String> DECISIONS = List.of(
            "decisions/ticketPriority.dmn",
            "decisions/changeApproval.dmn",
            "decisions/mailIncident.dmn",
            "decisions/alarmPriority.dmn");

    /** The name of the deployments of the built-in files (uploads are named otherwise: workflows.model). */
    public static final String DEPLOYMENT_NAME = "beacon-processes";

    private ProcessFiles() {}

    public static Deployment deploy(ProcessEngine engine) {
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("beacon")
                .enableDuplicateFiltering(true);
        for (String file : Stream.concat(ALL.stream(), DECISIONS.stream()).toList()) {
            InputStream in = ProcessFiles.class.getClassLoader().getResourceAsStream(file);
            if (in == null) {
                throw new IllegalStateException("Process file missing from the application: " + file);
            }
            builder.addInputStream(file, in);
        }
        return builder.deploy();
    }
}
