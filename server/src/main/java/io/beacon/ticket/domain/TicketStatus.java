package io.beacon.ticket.domain;

import io.beacon.platform.domain.InvalidInputException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a ticket stands: new → assigned → in_progress → pending → resolved → closed. A resolved
 * ticket can be reopened; a closed one is final (a follow-up ticket continues it).
 */
public enum TicketStatus {
    NEW, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED, CLOSED;

    private Set<TicketStatus> next;

    static {
        NEW.next = EnumSet.of(ASSIGNED, IN_PROGRESS, PENDING, RESOLVED);
        ASSIGNED.next = EnumSet.of(NEW, IN_PROGRESS, PENDING, RESOLVED);
        IN_PROGRESS.next = EnumSet.of(ASSIGNED, PENDING, RESOLVED);
        PENDING.next = EnumSet.of(ASSIGNED, IN_PROGRESS, RESOLVED);
        RESOLVED.next = EnumSet.of(IN_PROGRESS, ASSIGNED, CLOSED, NEW); // NEW: reopened with nobody assigned
        CLOSED.next = EnumSet.noneOf(TicketStatus.class);
    }

    public boolean canMoveTo(TicketStatus target) {
        return next.contains(target);
    }

    /** The statuses this one may move to, for error messages and the console's action list. */
    public Set<TicketStatus> successors() {
        return next.isEmpty() ? EnumSet.noneOf(TicketStatus.class) : EnumSet.copyOf(next);
    }

    /** Still being worked (not resolved or closed). */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TicketStatus fromCode(String field, String code) {
        if (code != null) {
            for (TicketStatus s : values()) {
                if (s.code().equalsIgnoreCase(code.trim())) {
                    return s;
                }
            }
        }
        throw new InvalidInputException(field, "must be one of "
                + Arrays.stream(values()).map(TicketStatus::code).collect(Collectors.joining(", ")));
    }
}
