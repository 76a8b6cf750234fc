package io.beacon.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.identity.domain.User;
import io.beacon.identity.domain.UserGroup;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.Role;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TicketLifecycleTest {
    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");

    private final User requester = user(1, "requester", Role.REQUESTER);
    private final User kim = user(2, "kim", Role.AGENT);
    private final User lee = user(3, "lee", Role.AGENT);
    private final UserGroup desk = group(10, "Service Desk", kim);

    private Ticket newIncident() {
        return new Ticket(TicketType.INCIDENT, 7, "메일서버장애 발생", "메일이 안 됩니다", Level.HIGH, Level.MEDIUM,
                requester, "requester", FixedPriorities.MATRIX, T0);
    }

    @Test
    void aNewTicketHasItsKeyStatusAndDerivedPriority() {
        Ticket t = newIncident();
        assertThat(t.getKey()).isEqualTo("INC-7");
        assertThat(t.getStatus()).isEqualTo(TicketStatus.NEW);
        assertThat(t.getPriority()).isEqualTo(Priority.P2);
        assertThat(t.isPriorityOverridden()).isFalse();
        assertThat(new Ticket(TicketType.SERVICE_REQUEST, 42, "Laptop", null, null, null, requester, "x",
                FixedPriorities.MATRIX, T0).getKey())
                .isEqualTo("REQ-42");
    }

    @Test
    void aTitleIsRequired() {
        assertThatThrownBy(() -> new Ticket(TicketType.INCIDENT, 1, "  ", null, null, null, requester, "x",
                FixedPriorities.MATRIX, T0))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("title"));
    }

    @Test
    void assigningSomeoneMakesANewTicketAssignedAndTheAuditSaysSo() {
        Ticket t = newIncident();
        t.assign(desk, kim, T0.plusSeconds(60));
        assertThat(t.getStatus()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(t.drainChanges()).containsExactly(
                new FieldChange("group", null, "Service Desk"),
                new FieldChange("assignee", null, "kim"),
                new FieldChange("status", "new", "assigned"));
        assertThat(t.getUpdatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(t.drainChanges()).isEmpty();
    }

    @Test
    void anAssigneeMustBelongToTheGroup() {
        Ticket t = newIncident();
        assertThatThrownBy(() -> t.assign(desk, lee, T0))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("assignee"));
    }

    @Test
    void theFullLifecycleRunsAndReopenClearsTheResolutionTime() {
        Ticket t = newIncident();
        t.assign(desk, kim, T0);
        t.moveTo(TicketStatus.IN_PROGRESS, null, T0.plusSeconds(1));
        t.moveTo(TicketStatus.PENDING, null, T0.plusSeconds(2));
        t.moveTo(TicketStatus.IN_PROGRESS, null, T0.plusSeconds(3));
        t.moveTo(TicketStatus.RESOLVED, "메일 큐를 비웠습니다", T0.plusSeconds(4));
        assertThat(t.getResolvedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(t.getResolution()).isEqualTo("메일 큐를 비웠습니다");
        t.moveTo(TicketStatus.IN_PROGRESS, null, T0.plusSeconds(5)); // reopen
        assertThat(t.getResolvedAt()).isNull();
        t.moveTo(TicketStatus.RESOLVED, null, T0.plusSeconds(6)); // the earlier resolution note still stands
        t.moveTo(TicketStatus.CLOSED, null, T0.plusSeconds(7));
        assertThat(t.getClosedAt()).isEqualTo(T0.plusSeconds(7));
        assertThat(t.drainChanges()).filteredOn(c -> c.field().equals("status")).extracting(FieldChange::newValue)
                .containsExactly("assigned", "in_progress", "pending", "in_progress", "resolved", "in_progress",
                        "resolved", "closed");
    }

    @Test
    void resolvingNeedsAResolutionNote() {
        Ticket t = newIncident();
        assertThatThrownBy(() -> t.moveTo(TicketStatus.RESOLVED, null, T0))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("resolution"));
        assertThat(t.getStatus()).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void workingATicketNeedsAnAssignee() {
        Ticket t = newIncident();
        assertThatThrownBy(() -> t.moveTo(TicketStatus.IN_PROGRESS, null, T0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("assignee");
    }

    @Test
    void illegalTransitionsAreRefusedNamingWhatIsAllowed() {
        Ticket t = newIncident();
        assertThatThrownBy(() -> t.moveTo(TicketStatus.CLOSED, null, T0))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("new cannot become closed")
                .hasMessageContaining("resolved");
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void aClosedTicketIsFinal(TicketStatus target) {
        Ticket t = newIncident();
        t.moveTo(TicketStatus.RESOLVED, "fixed", T0);
        t.moveTo(TicketStatus.CLOSED, null, T0);
        if (target != TicketStatus.CLOSED) {
            assertThatThrownBy(() -> t.moveTo(target, null, T0)).isInstanceOf(ConflictException.class);
        }
        assertThatThrownBy(() -> t.rename("new title", T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> t.assign(desk, kim, T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void removingTheAssigneeOfAnAssignedTicketMakesItNewAgain() {
        Ticket t = newIncident();
        t.assign(desk, kim, T0);
        t.assign(desk, null, T0);
        assertThat(t.getStatus()).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void priorityFollowsImpactAndUrgencyUntilOverriddenAndAgainAfterwards() {
        Ticket t = newIncident(); // high x medium = P2
        t.rate(Level.HIGH, Level.HIGH, FixedPriorities.MATRIX, T0);
        assertThat(t.getPriority()).isEqualTo(Priority.P1);
        t.overridePriority(Priority.P4, T0);
        t.rate(Level.MEDIUM, Level.MEDIUM, FixedPriorities.MATRIX, T0);
        assertThat(t.getPriority()).isEqualTo(Priority.P4);
        t.derivePriority(FixedPriorities.MATRIX, T0);
        assertThat(t.getPriority()).isEqualTo(Priority.P3);
        assertThat(t.drainChanges()).extracting(FieldChange::field).containsExactly(
                "urgency", "priority", "priorityOverridden", "priority", "impact", "urgency", "priorityOverridden",
                "priority");
    }

    @Test
    void linkingCisRecordsEachAddedAndRemovedCi() {
        Ticket t = newIncident();
        t.linkCis(List.of(5L, 6L), T0);
        t.linkCis(Set.of(6L, 7L), T0);
        assertThat(t.getCiIds()).containsExactlyInAnyOrder(6L, 7L);
        assertThat(t.drainChanges()).containsExactly(
                new FieldChange("ci", null, "5"), new FieldChange("ci", null, "6"),
                new FieldChange("ci", "5", null), new FieldChange("ci", null, "7"));
    }

    @Test
    void unchangedValuesLeaveNoAuditLine() {
        Ticket t = newIncident();
        t.rename("메일서버장애 발생", T0);
        t.describe("메일이 안 됩니다", T0);
        t.rate(Level.HIGH, Level.MEDIUM, FixedPriorities.MATRIX, T0);
        assertThat(t.drainChanges()).isEmpty();
    }

    @Test
    void requestersSeeOnlyTheirOwnTicketsAndNoInternalNotes() {
        Ticket t = newIncident();
        var owner = new io.beacon.platform.domain.Actor("requester", Set.of(Role.REQUESTER));
        var stranger = new io.beacon.platform.domain.Actor("someone", Set.of(Role.REQUESTER));
        var agent = new io.beacon.platform.domain.Actor("kim", Set.of(Role.AGENT));
        assertThat(TicketAccess.canView(owner, t)).isTrue();
        assertThat(TicketAccess.canView(stranger, t)).isFalse();
        assertThat(TicketAccess.canView(agent, t)).isTrue();
        assertThat(TicketAccess.canComment(owner, t, false)).isTrue();
        assertThat(TicketAccess.canComment(owner, t, true)).isFalse();
        assertThat(TicketAccess.seesInternalNotes(owner)).isFalse();
        assertThat(TicketAccess.canComment(agent, t, true)).isTrue();
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

    /** Ids come from the database in production; the tests give them directly. */
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
