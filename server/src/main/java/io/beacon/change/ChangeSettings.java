package io.beacon.change;

import io.beacon.change.domain.FreezeWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Change management settings: the approver groups, freeze windows, reminders. The README lists them. Which
 * group approves by which rule is the changeApproval decision table's.
 */
@ApplicationScoped
public class ChangeSettings {
    private static final Logger LOG = Logger.getLogger(ChangeSettings.class.getName());

    @Inject
    @ConfigProperty(name = "beacon.change.approver.group", defaultValue = "CAB")
    String approverGroup;

    @Inject
    @ConfigProperty(name = "beacon.change.emergency.group", defaultValue = "CAB")
    String emergencyGroup;

    @Inject
    @ConfigProperty(name = "beacon.change.freeze.windows")
    Optional<String> freezeWindows;

    @Inject
    @ConfigProperty(name = "beacon.change.reminder.hours", defaultValue = "8")
    int reminderHours;

    @Inject
    @ConfigProperty(name = "beacon.change.escalation.hours", defaultValue = "16")
    int escalationHours;

    /** The group whose members approve normal changes; without such a group, every user with the approver role. */
    public String approverGroup() {
        return approverGroup.strip();
    }

    public String emergencyGroup() {
        return emergencyGroup.strip();
    }

    /** Business hours after which open approval tasks remind their approvers, and then escalate. */
    public int reminderHours() {
        return reminderHours;
    }

    public int escalationHours() {
        return escalationHours;
    }

    /** {@code name=start/end;...} with ISO-8601 offset date-times; a malformed entry is logged and skipped. */
    public List<FreezeWindow> freezeWindows() {
        return parseFreezeWindows(freezeWindows.orElse(""));
    }

    public static List<FreezeWindow> parseFreezeWindows(String text) {
        List<FreezeWindow> out = new ArrayList<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            int slash = entry.lastIndexOf('/');
            try {
                String name = eq > 0 ? entry.substring(0, eq).strip() : "freeze";
                Instant start = OffsetDateTime.parse(entry.substring(eq + 1, slash).strip()).toInstant();
                Instant end = OffsetDateTime.parse(entry.substring(slash + 1).strip()).toInstant();
                out.add(new FreezeWindow(name, start, end));
            } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
                LOG.warning("Ignoring the malformed freeze window '" + entry + "' (expected name=start/end, ISO-8601)");
            }
        }
        return out;
    }
}
