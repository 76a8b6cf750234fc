package io.beacon.change.domain;

import io.beacon.platform.domain.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum constants as the lower-case codes of the API. */
final class Codes {
    private Codes() {}

    static String code(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String code) {
        if (code != null) {
            for (E e : type.getEnumConstants()) {
                if (code(e).equalsIgnoreCase(code.strip())) {
                    return e;
                }
            }
        }
        throw new InvalidInputException(field, "must be one of "
                + Arrays.stream(type.getEnumConstants()).map(Codes::code).collect(Collectors.joining(", ")));
    }
}
