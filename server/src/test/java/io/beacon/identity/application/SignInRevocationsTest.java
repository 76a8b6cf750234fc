package io.beacon.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInRevocationsTest {
    final SignInRevocations revocations = new SignInRevocations();

    @Test
    void aRevocationEndsTheSignInsBeforeItAndNoneAfterIt() {
        long before = revocations.stamp();
        long othersBefore = revocations.stamp();
        assertThat(revocations.isRevoked("minji", before)).isFalse();

        revocations.revoke("minji");
        assertThat(revocations.isRevoked("minji", before)).isTrue();
        assertThat(revocations.isRevoked("jisoo", othersBefore)).as("other users go on").isFalse();

        long after = revocations.stamp();
        assertThat(revocations.isRevoked("minji", after)).as("a sign-in right after the change").isFalse();
        revocations.revoke("minji");
        assertThat(revocations.isRevoked("minji", after)).isTrue();
    }
}
