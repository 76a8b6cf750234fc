package io.beacon.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which user names a note mentions with {@code @}. */
class MentionsTest {

    @Test
    void namesAfterAnAtThatStartsAWordAreMentionsInOrderOnce() {
        assertThat(Mentions.in("@agent2 please check, cc @kim.lee and @agent2 again."))
                .containsExactly("agent2", "kim.lee");
    }

    @Test
    void mailAddressesAndTrailingPunctuationAreNotPartOfAName() {
        assertThat(Mentions.in("write to ops@corp.kr, then tell @agent.")).containsExactly("agent");
        assertThat(Mentions.in("네트워크팀 @agent2, 확인 부탁드립니다")).containsExactly("agent2");
        assertThat(Mentions.in("(@agent)")).containsExactly("agent");
    }

    @Test
    void aNoteWithoutMentionsOrWithABareAtHasNone() {
        assertThat(Mentions.in("no one here @ all")).isEmpty();
        assertThat(Mentions.in(null)).isEmpty();
    }

    @Test
    void oneNoteNotifiesAtMostTwentyPeople() {
        StringBuilder note = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            note.append("@user").append(i).append(' ');
        }
        assertThat(Mentions.in(note.toString())).hasSize(Mentions.MAX);
    }
}
