package io.beacon.workflows.decision;

import io.beacon.platform.startup.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The settings that decision tables replaced are no longer read; one still set is named at start with the
 * table that now decides, so that it is not ignored silently.
 */
@ApplicationScoped
public class RetiredDecisionSettings {
    private static final Logger LOG = Logger.getLogger(RetiredDecisionSettings.class.getName());

    /** Retired property → the decision table that took its place. */
    static final Map<String, String> RETIRED = Map.of(
            "beacon.change.approval.rule", CamundaApprovalDecision.KEY,
            "beacon.change.approval.rule.low.risk", CamundaApprovalDecision.KEY,
            "beacon.events.incident.priority", CamundaAlarmPriorityDecision.KEY);

    void warn(@Observes StartupEvent started) {
        warnings(ConfigProvider.getConfig()).forEach(LOG::warning);
    }

    static List<String> warnings(Config config) {
        List<String> out = new ArrayList<>();
        RETIRED.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (config.getOptionalValue(e.getKey(), String.class).isPresent()) {
                String env = e.getKey().toUpperCase().replace('.', '_');
                out.add(env + " (" + e.getKey() + ") is set but no longer read: the decision table " + e.getValue()
                        + " (decisions/" + e.getValue() + ".dmn) decides this now; change its rows instead");
            }
        });
        return out;
    }
}
