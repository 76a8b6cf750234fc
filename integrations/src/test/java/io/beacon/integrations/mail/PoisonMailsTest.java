package io.beacon.integrations.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoisonMailsTest {

    @Test
    void aMailThatKeepsFailingWhileOthersPassIsMovedAside() {
        PoisonMails p = new PoisonMails(3);
        assertThat(p.failedAgainWhileOthersPass("bad")).isFalse();
        p.succeeded("good-1");
        assertThat(p.failedAgainWhileOthersPass("bad")).isFalse();
        assertThat(p.failedAgainWhileOthersPass("bad")).isFalse(); // nothing else passed since: does not count
        p.succeeded("good-2");
        assertThat(p.failedAgainWhileOthersPass("bad")).isTrue();
    }

    @Test
    void duringAnOutageNothingIsMovedAside() {
        PoisonMails p = new PoisonMails(3);
        for (int i = 0; i < 10; i++) {
            assertThat(p.failedAgainWhileOthersPass("a")).isFalse();
            assertThat(p.failedAgainWhileOthersPass("b")).isFalse();
        }
        p.succeeded("a"); // the database is back and a goes through; b failing once more is not yet proof
        assertThat(p.failedAgainWhileOthersPass("b")).isFalse();
        p.succeeded("c");
        assertThat(p.failedAgainWhileOthersPass("b")).isTrue();
    }
}
