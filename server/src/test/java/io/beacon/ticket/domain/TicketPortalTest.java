package io.beacon.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.identity.domain.User;
import io.beacon.identity.domain.UserGroup;
import io.beacon.platform.domain.AccessDeniedException;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.Role;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the requester does on their own ticket: say what it is about, reopen it in time, rate a resolution once. */
class TicketPortalTest {
    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(3);

    private final User requester = user(1, "requester", Role.REQUESTER);
    private final User kim = user(2, "kim", Role.AGENT);
    private final UserGroup desk = group(10, "Service Desk", kim);

    private Ticket resolvedRequest() {
        Ticket t = new Ticket(TicketType.SERVICE_REQUEST, 3, "모니터 교체", null, null, null, requester, "requester",
                FixedPriorities.MATRIX, T0);
        setId(t, Ticket.class, 99);
        t.assign(desk, kim, T0);
        t.moveTo(TicketStatus.RESOLVED, "교체했습니다", T0.plusSeconds(3600));
        t.drainChanges();
        return t;
    }

    @Test
    void aCategoryIsOneOfTheListAndItsChangeIsRecorded() {
        Ticket t = resolvedRequest();
        t.moveTo(TicketStatus.IN_PROGRESS, null, T0);
        t.categorise(TicketCategory.fromCode("category", "Hardware"), T0);
        assertThat(t.getCategory()).isEqualTo(TicketCategory.HARDWARE);
        assertThat(t.drainChanges()).extracting("field").contains("category");
        assertThatThrownBy(() -> TicketCategory.fromCode("category", "coffee"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("problem.ticket.category");
                    assertThat(e.errors()).extracting("field").containsExactly("category");
                });
    }

    @Test
    void theRequesterReopensWithinTheWindowAndTheAssigneeGetsItBack() {
        Ticket t = resolvedRequest();
        Instant resolved = t.getResolvedAt();
        assertThat(t.reopenableUntil(WINDOW)).isEqualTo(resolved.plus(WINDOW));
        t.reopen(resolved.plus(WINDOW).minusSeconds(1), WINDOW);
        assertThat(t.getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(t.getResolvedAt()).isNull();
        assertThat(t.reopenableUntil(WINDOW)).isNull();
    }

    @Test
    void afterTheWindowOrWhenNotResolvedReopeningIsRefusedWithAKey() {
        Ticket late = resolvedRequest();
        assertThatThrownBy(() -> late.reopen(late.getResolvedAt().plus(WINDOW), WINDOW))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("problem.ticket.reopenWindowOver"));
        assertThat(late.getStatus()).isEqualTo(TicketStatus.RESOLVED);
        Ticket open = resolvedRequest();
        open.reopen(open.getResolvedAt(), WINDOW);
        assertThatThrownBy(() -> open.reopen(T0, WINDOW))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("problem.ticket.reopenNotResolved"));
    }

    @Test
    void onlyTheRequesterRatesAResolvedTicketOncePerResolution() {
        Ticket t = resolvedRequest();
        TicketRating first = TicketRating.rate(t, "requester", 4, " 빨랐어요 ", null, T0.plusSeconds(7200));
        assertThat(first.getScore()).isEqualTo(4);
        assertThat(first.getComment()).isEqualTo("빨랐어요");
        assertThat(first.getResolvedAt()).isEqualTo(t.getResolvedAt());
        assertThat(first.getGroupId()).isEqualTo(10L);

        assertThatThrownBy(() -> TicketRating.rate(t, "requester", 5, null, first, T0.plusSeconds(7300)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("problem.rating.once"));
        assertThatThrownBy(() -> TicketRating.rate(t, "kim", 5, null, null, T0))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("problem.rating.notRequester"));
        assertThatThrownBy(() -> TicketRating.rate(t, "requester", 6, null, null, T0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting("field").containsExactly("score"));
        assertThatThrownBy(() -> TicketRating.rate(t, "requester", null, null, null, T0))
                .isInstanceOf(InvalidInputException.class);

        t.reopen(t.getResolvedAt().plusSeconds(60), WINDOW);
        assertThatThrownBy(() -> TicketRating.rate(t, "requester", 3, null, null, T0))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("problem.rating.notResolved"));
        t.moveTo(TicketStatus.RESOLVED, "다시 교체했습니다", T0.plusSeconds(90_000));
        TicketRating second = TicketRating.rate(t, "requester", 2, null, null, T0.plusSeconds(90_100));
        assertThat(second.getResolvedAt()).isNotEqualTo(first.getResolvedAt());
    }

    private static User user(long id, String name, Role role) {
        User u = new User(name, name, name + "@example.com", Set.of(role), "ko", "Asia/Seoul", T0);
        setId(u, User.class, id);
        return u;
    }

    private static UserGroup group(long id, String name, User... members) {
        UserGroup g = new UserGroup(name, null);
        setId(g, UserGroup.class, id);
        for (User m : members) {
            g.addMember(m);
        }
        return g;
    }

    private static void setId(Object entity, Class<?> type, long id) {
        try {
            Field f = type.getDeclaredField("id");
            f.setAccessible(true);
            f.set(entity, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
