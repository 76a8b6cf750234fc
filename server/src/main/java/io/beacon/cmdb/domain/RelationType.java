package io.beacon.cmdb.domain;

import io.beacon.platform.domain.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How one CI relates to another, read as "source type target": an application depends_on its
 * database, a VM runs_on its host, a server is connected_to its switch. In each case trouble of the
 * target can hurt the source, so a walk from a failed CI against the arrows finds what it affects.
 */
public enum RelationType {
    DEPENDS_ON, CONNECTED_TO, RUNS_ON;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RelationType> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code().equals(c)).findFirst();
    }

    public static RelationType fromCode(String field, String code) {
        return parse(code).orElseThrow(() -> new InvalidInputException(field, "unknown relation type '" + code
                + "'; one of " + Arrays.stream(values()).map(RelationType::code).collect(Collectors.joining(", "))));
    }
}
