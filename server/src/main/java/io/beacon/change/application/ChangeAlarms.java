package io.beacon.change.application;

import java.util.List;

/** The port through which a change lists the monitoring alarms attributed to it (the event area answers). */
public interface ChangeAlarms {
    /** Alarms raised inside the change's window, or that outlived it, oldest first. */
    List<AlarmLink> of(String changeKey);

    /** An alarm as a change shows it: {@code incidentKey} is set once it outlived the window and paged. */
    record AlarmLink(long id, String name, String severity, String status, Long ciId, String ciName,
            String incidentKey, String reason) {}
}
