package io.beacon.change.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.identity.domain.User;
import io.beacon.platform.domain.Role;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may decide a change at all: the rule checked when seats are given, substitutes named, and decisions made. */
class ApproverPoolTest {
    private static User user(String name, Role... roles) {
        User u = new User(name, name, null, Set.of(roles), "ko", "Asia/Seoul", Instant.EPOCH);
        u.setPasswordHash("hash");
        return u;
    }

    @Test
    void approversAndAdminsDecideAndNobodyElse() {
        assertThat(ApproverPool.mayDecide(user("lee", Role.APPROVER))).isTrue();
        assertThat(ApproverPool.mayDecide(user("root", Role.ADMIN))).isTrue();
        assertThat(ApproverPool.mayDecide(user("park", Role.REQUESTER))).isFalse();
        assertThat(ApproverPool.mayDecide(user("kim", Role.AGENT))).isFalse();
    }

    @Test
    void someoneWhoCannotSignInDecidesNothing() {
        User gone = new User("gone", "gone", null, Set.of(Role.APPROVER), "ko", "Asia/Seoul", Instant.EPOCH);
        assertThat(ApproverPool.mayDecide(gone)).isFalse();
    }
}
