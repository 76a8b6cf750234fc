package io.beacon.integrations.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.beacon.mail.application.MailSender;
import io.beacon.mail.application.OutgoingMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox's SMTP sessions against a real SMTP server (GreenMail on loopback). */
class SmtpMailSenderTest {
    private final ServerSetup smtp = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private GreenMail server = started();

    private final SmtpMailSender sender = sender();

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aRoundOfMailsGoesOutOverOneSessionWithItsHeaders() throws Exception {
        try (MailSender.Connection session = sender.connect()) {
            for (int i = 1; i <= 3; i++) {
                session.send(mail(i));
            }
        }
        MimeMessage[] received = server.getReceivedMessages();
        assertThat(Arrays.stream(received).map(this::subject)).containsExactly("[REQ-1] 접수", "[REQ-2] 접수", "[REQ-3] 접수");
        assertThat(received[0].getHeader("Message-ID")[0]).isEqualTo("<m1@beacon.test>");
        assertThat(received[0].getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
    }

    @Test
    void aSessionTheServerEndedIsOpenedAgainForTheNextMail() throws Exception {
        try (MailSender.Connection session = sender.connect()) {
            session.send(mail(1));
            server.stop(); // the server ends every session, as one does after its limit of mails per session
            server = started();
            session.send(mail(2));
        }
        assertThat(Arrays.stream(server.getReceivedMessages()).map(this::subject)).containsExactly("[REQ-2] 접수");
    }

    private GreenMail started() {
        GreenMail mail = new GreenMail(smtp);
        mail.start();
        return mail;
    }

    private SmtpMailSender sender() {
        try {
            return new SmtpMailSender(MailServerUrl.parse("smtp://127.0.0.1:" + smtp.getPort()), false, null,
                    "desk@beacon.test", "Beacon 서비스데스크");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutgoingMail mail(int i) {
        return new OutgoingMail("user" + i + "@corp.kr", "[REQ-" + i + "] 접수", "접수되었습니다", "m" + i + "@beacon.test",
                null, null, "auto-replied");
    }

    private String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
