package io.beacon.mail.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A round of the outbox over one mail server connection, and what a failure does to it. */
class OutboxDeliveryTest {
    final List<String> log = new ArrayList<>();
    final List<Long> sent = new ArrayList<>();
    final List<Long> failed = new ArrayList<>();
    final OutboxDelivery delivery = new OutboxDelivery();

    OutboxDeliveryTest() {
        delivery.metrics = new MailMetrics() {
            @Override public void sent() { }
            @Override public void sendFailed() { }
            @Override public void outboxDepth(long depth) { }
        };
    }

    private void due(int count) {
        List<OutboxService.OutgoingMailWithId> mails = IntStream.rangeClosed(1, count)
                .mapToObj(i -> new OutboxService.OutgoingMailWithId(i, new OutgoingMail("user" + i + "@corp.kr",
                        "[REQ-" + i + "] 접수", "본문", "m" + i + "@beacon", null, null, "auto-replied")))
                .toList();
        delivery.outbox = new OutboxService() {
            @Override public List<OutgoingMailWithId> due(int max) { return mails; }
            @Override public void sent(long id) { sent.add(id); }
            @Override public boolean failed(long id, String error) { failed.add(id); return false; }
            @Override public long pending() { return 0; }
        };
    }

    /** A mail server that logs connects, sends and closes; refuses the listed recipients; may be down. */
    private MailSender server(boolean down, String... refused) {
        return () -> {
            log.add("connect");
            if (down) {
                throw new ConnectException("Connection refused");
            }
            return new MailSender.Connection() {
                @Override
                public void send(OutgoingMail mail) {
                    if (List.of(refused).contains(mail.to())) {
                        log.add("refused " + mail.to());
                        throw new IllegalStateException("550 no such user " + mail.to());
                    }
                    log.add("send " + mail.to());
                }

                @Override
                public void close() {
                    log.add("close");
                }
            };
        };
    }

    @Test
    void aRoundSendsItsMailsOverOneConnection() {
        due(3);
        assertThat(delivery.deliverDue(server(false))).isEqualTo(3);
        assertThat(log).containsExactly("connect", "send user1@corp.kr", "send user2@corp.kr", "send user3@corp.kr", "close");
        assertThat(sent).containsExactly(1L, 2L, 3L);
    }

    @Test
    void afterAFailedMailTheNextOneOpensAFreshConnection() {
        due(3);
        assertThat(delivery.deliverDue(server(false, "user2@corp.kr"))).isEqualTo(2);
        assertThat(log).containsExactly("connect", "send user1@corp.kr", "refused user2@corp.kr", "close", "connect",
                "send user3@corp.kr", "close");
        assertThat(sent).containsExactly(1L, 3L);
        assertThat(failed).containsExactly(2L);
    }

    @Test
    void anUnreachableServerEndsTheRoundAndKeepsTheOtherMailsForLater() {
        due(3);
        assertThat(delivery.deliverDue(server(true))).isZero();
        assertThat(log).containsExactly("connect");
        assertThat(failed).containsExactly(1L);
    }

    @Test
    void nothingDueOpensNoConnection() {
        due(0);
        assertThat(delivery.deliverDue(server(false))).isZero();
        assertThat(log).isEmpty();
    }
}
