package io.beacon.integrations.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailServerUrlTest {

    @Test
    void readsImapWithEncodedCredentialsAndFolder() {
        MailServerUrl u = MailServerUrl.parse("imaps://desk%40corp.kr:p%40ss%3Aword@mail.corp.kr:993/Service%20Desk");
        assertThat(u.protocol()).isEqualTo("imaps");
        assertThat(u.host()).isEqualTo("mail.corp.kr");
        assertThat(u.port()).isEqualTo(993);
        assertThat(u.user()).isEqualTo("desk@corp.kr");
        assertThat(u.password()).isEqualTo("p@ss:word");
        assertThat(u.folder()).isEqualTo("Service Desk");
        assertThat(u.toString()).doesNotContain("p@ss");
    }

    @Test
    void acceptsABareAtInTheUserAndDefaultPortsAndFolder() {
        MailServerUrl u = MailServerUrl.parse("imap://desk@corp.kr:secret@127.0.0.1");
        assertThat(u.user()).isEqualTo("desk@corp.kr");
        assertThat(u.port()).isEqualTo(143);
        assertThat(u.folder()).isEqualTo("INBOX");
        assertThat(MailServerUrl.parse("smtps://mx.corp.kr").port()).isEqualTo(465);
        assertThat(MailServerUrl.parse("pop3s://u:p@mx.corp.kr").port()).isEqualTo(995);
        assertThat(MailServerUrl.parse("smtp://mx.corp.kr:2525").user()).isNull();
    }

    @Test
    void imapLeavesMailUnreadUntilCommittedAndPop3Deletes() {
        String imap = MailServerUrl.parse("imap://u:p+1@h:1143/INBOX").consumerUri(30);
        assertThat(imap).startsWith("imap://h:1143?").contains("unseen=true", "peek=true", "delete=false", "maxMessagesPerPoll=1000",
                "delay=30000", "mapMailMessage=false", "username=RAW(u)", "password=RAW(p+1)", "folderName=INBOX");
        String pop3 = MailServerUrl.parse("pop3://u:p@h/INBOX").consumerUri(5);
        assertThat(pop3).startsWith("pop3://h:110?").contains("delete=true").doesNotContain("unseen");
    }

    @Test
    void refusesWhatIsNoMailUrl() {
        assertThatThrownBy(() -> MailServerUrl.parse("mail.corp.kr")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailServerUrl.parse("ftp://mail.corp.kr")).isInstanceOf(IllegalArgumentException.class);
    }
}
