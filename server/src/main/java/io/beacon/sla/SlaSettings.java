package io.beacon.sla;

import io.beacon.sla.domain.SlaTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * SLA targets per priority ({@code beacon.sla.p1.response=PT15M}, ISO-8601 durations of working time;
 * P1 counts 24×7 unless {@code beacon.sla.p1.all.hours=false}), the near-breach share and the
 * auto-close quiet period. The README lists the keys and defaults.
 */
@ApplicationScoped
public class SlaSettings {
    private static final String[][] DEFAULTS = {
        {"P1", "PT15M", "PT4H", "true"},
        {"P2", "PT30M", "PT8H", "false"},
        {"P3", "PT4H", "PT27H", "false"},
        {"P4", "PT8H", "PT45H", "false"},
    };

    @Inject
    Config config;

    public SlaTarget target(String priority) {
        for (String[] d : DEFAULTS) {
            if (d[0].equalsIgnoreCase(priority)) {
                String p = "beacon.sla." + d[0].toLowerCase(java.util.Locale.ROOT);
                return new SlaTarget(duration(p + ".response", d[1]), duration(p + ".resolution", d[2]),
                        config.getOptionalValue(p + ".all.hours", Boolean.class).orElse(Boolean.parseBoolean(d[3])));
            }
        }
        return target("P4");
    }

    /** Near-breach when this share (percent) of a target has passed. */
    public int warnPercent() {
        return config.getOptionalValue("beacon.sla.warn.percent", Integer.class).orElse(80);
    }

    /** How long a resolved ticket stays quiet before Beacon closes it (wall-clock time). */
    public Duration autoClose() {
        return duration("beacon.sla.auto.close", "P3D");
    }

    private Duration duration(String key, String fallback) {
        return Duration.parse(config.getOptionalValue(key, String.class).orElse(fallback));
    }
}
