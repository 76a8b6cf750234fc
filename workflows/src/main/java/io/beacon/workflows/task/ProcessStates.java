package io.beacon.workflows.task;

import io.beacon.change.application.ProcessState;
import io.beacon.platform.domain.NotFoundException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/** Reads where a process instance stands from the engine's runtime and history. */
public final class ProcessStates {
    private ProcessStates() {}

    public static ProcessState of(ProcessEngine engine, String processKey, String businessKey) {
        HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("process of", businessKey));
        ProcessDefinition definition = engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId());
        List<HistoricActivityInstance> steps = engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list();
        List<String> current = instance.getEndTime() != null ? List.of()
                : engine.getRuntimeService().getActiveActivityIds(instance.getId()).stream().distinct().toList();
        return new ProcessState(processKey, definition.getVersion(), instance.getId(), instance.getEndTime() != null,
                current, steps.stream().filter(s -> s.getActivityName() != null || s.getActivityType().endsWith("Event"))
                        .map(s -> new ProcessState.Step(s.getActivityId(), s.getActivityName(), s.getActivityType(),
                                instant(s.getStartTime()), instant(s.getEndTime()), s.getAssignee())).toList());
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
