package io.beacon.correlation.domain;

import java.util.List;
import java.util.Optional;

/** The stored maintenance windows. */
public interface MaintenanceWindows {
    MaintenanceWindow add(MaintenanceWindow window);

    Optional<MaintenanceWindow> byId(long id);

    /** Every window, newest first; optionally only those naming {@code ciId}. */
    List<MaintenanceWindow> all(Long ciId);

    void remove(MaintenanceWindow window);
}
