package io.beacon.mail.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThreadReferencesTest {

    @Test
    void referencesListTheWholeShortThreadInOrder() {
        assertThat(MailNotifier.references(List.of("root@corp.kr", "ack@beacon"))).isEqualTo("<root@corp.kr> <ack@beacon>");
        assertThat(MailNotifier.references(List.of())).isNull();
    }

    @Test
    void aLongThreadKeepsItsRootAndTheLatestIds() {
        List<String> thread = IntStream.range(0, 30).mapToObj(i -> "m" + i + "@x").toList();
        String refs = MailNotifier.references(thread);
        assertThat(refs.split(" ")).hasSize(MailNotifier.MAX_REFERENCES);
        assertThat(refs).startsWith("<m0@x> <m21@x>").endsWith("<m29@x>");
    }
}
