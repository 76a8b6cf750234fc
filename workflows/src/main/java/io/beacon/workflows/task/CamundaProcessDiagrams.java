package io.beacon.workflows.task;

import io.beacon.platform.domain.NotFoundException;
import io.beacon.process.application.ProcessDiagrams;
import io.beacon.process.domain.ProcessDiagram;
import io.beacon.workflows.change.CamundaChangeProcess;
import io.beacon.workflows.engine.ProcessEngineRuntime;
import io.beacon.workflows.ticket.TicketProcessBridge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The diagrams port on the engine: the deployed BPMN of the definition version an instance runs (read once
 * per version: a deployed version never changes), its open activities from the runtime and the activities it
 * went through from the history (history level {@code activity} or above).
 */
@ApplicationScoped
public class CamundaProcessDiagrams implements ProcessDiagrams {
    /** BPMN XML by process definition id; there are as many as versions deployed. */
    private final Map<String, String> xmlByDefinition = new ConcurrentHashMap<>();

    @Inject
    ProcessEngineRuntime runtime;

    @Override
    public ProcessDiagram ofTicket(String ticketKey) {
        return of(runtime.engine(), TicketProcessBridge.PROCESS, ticketKey);
    }

    @Override
    public ProcessDiagram ofChange(String changeKey) {
        return of(runtime.engine(), CamundaChangeProcess.PROCESS, changeKey);
    }

    public ProcessDiagram of(ProcessEngine engine, String processKey, String businessKey) {
        HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("process of", businessKey));
        ProcessDefinition definition = engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId());
        String xml = xmlByDefinition.computeIfAbsent(definition.getId(), id -> read(engine, id));
        List<ProcessDiagram.ActivityRun> runs = engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list().stream()
                .map(a -> new ProcessDiagram.ActivityRun(a.getActivityId(), a.getActivityType(),
                        a.getEndTime() != null, a.isCanceled()))
                .toList();
        boolean ended = instance.getEndTime() != null;
        List<String> active = ended ? List.of() : engine.getRuntimeService().getActiveActivityIds(instance.getId());
        return ProcessDiagram.of(processKey, definition.getVersion(), xml, runs, active, ended);
    }

    private static String read(ProcessEngine engine, String definitionId) {
        try (InputStream in = engine.getRepositoryService().getProcessModel(definitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
