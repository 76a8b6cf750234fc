package io.beacon.it.support;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * Debian's Dovecot as the desk's IMAP server, on a free loopback port, with a mailbox of its own
 * under a work directory: the peer a real desk polls. GreenMail, the suite's everyday mail server,
 * scans its whole folder for each command, so a full mailbox measures GreenMail rather than Beacon.
 * Plain IMAP on loopback; as root the mail processes run as Debian's {@code dovecot} user (Dovecot
 * will not give root a mailbox), as anyone else as that user.
 */
public final class DovecotServer implements AutoCloseable {
    private static final Path DOVECOT = Path.of("/usr/sbin/dovecot");
    public static final String LOGIN = "desk";
    public static final String PASSWORD = "desk-mail-pass";

    private final Path dir;
    private final int port;
    private final Process process;

    private DovecotServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Whether Debian's dovecot-imapd is installed. */
    public static boolean available() {
        return Files.isExecutable(DOVECOT);
    }

    public static DovecotServer start(Path workDir) throws IOException, InterruptedException {
        Path dir = workDir.toAbsolutePath();
        Files.createDirectories(dir.resolve("mail"));
        Files.createDirectories(dir.resolve("home"));
        boolean root = "root".equals(System.getProperty("user.name"));
        String user = root ? "dovecot" : System.getProperty("user.name");
        String group = root ? "dovecot" : run("id", "-gn").strip();
        int port = freePort();
        Files.writeString(dir.resolve("passwd"), LOGIN + ":{PLAIN}" + PASSWORD + "::::::\n");
        Files.writeString(dir.resolve("dovecot.conf"), """
                protocols = imap
                listen = 127.0.0.1
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                mail_location = maildir:%1$s/mail/%%n
                first_valid_uid = 1
                default_internal_user = %2$s
                default_internal_group = %3$s
                default_login_user = %4$s
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%n %1$s/passwd
                }
                userdb {
                  driver = static
                  args = uid=%2$s gid=%3$s home=%1$s/home/%%n
                }
                service imap-login {
                  chroot =
                  inet_listener imap {
                    port = %5$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                """.formatted(dir, user, group, root ? "dovenull" : user, port));
        if (root) {
            ServiceUserAccess.letThrough(dir); // the dovecot user must reach its mailbox, and own it
            run("chown", "-R", "dovecot:dovecot", dir.resolve("mail").toString(), dir.resolve("home").toString());
        }
        Process process = new ProcessBuilder(DOVECOT.toString(), "-F", "-c", dir.resolve("dovecot.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("dovecot.out").toFile()).start();
        DovecotServer server = new DovecotServer(dir, port, process);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!server.answers()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                server.close();
                throw new IllegalStateException("Dovecot did not start; see " + dir.resolve("dovecot.out") + " and "
                        + dir.resolve("dovecot.log"));
            }
            Thread.sleep(100);
        }
        return server;
    }

    /** The desk's mailbox as Beacon's {@code BEACON_MAIL_IMAP_URL} names it. */
    public String imapUrl() {
        return "imap://" + LOGIN + ":" + PASSWORD + "@127.0.0.1:" + port + "/INBOX";
    }

    /** Puts raw mails into the desk's inbox over IMAP (one APPEND for all), as mail that arrived while Beacon was away. */
    public void append(List<byte[]> raws) throws MessagingException {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", port, LOGIN, PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            Message[] messages = new Message[raws.size()];
            for (int i = 0; i < messages.length; i++) {
                messages[i] = new MimeMessage(session, new ByteArrayInputStream(raws.get(i)));
            }
            inbox.appendMessages(messages);
        }
    }

    /** How many mails in the inbox are still unread (Beacon marks a mail read once its ticket is committed). */
    public int unread() {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", port, LOGIN, PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.getUnreadMessageCount();
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Dovecot does not answer", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private boolean answers() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return s.getInputStream().read() >= 0; // the greeting
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
