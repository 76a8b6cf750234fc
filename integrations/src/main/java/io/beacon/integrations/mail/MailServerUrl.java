package io.beacon.integrations.mail;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A mail server as the settings give it: {@code imap://user:pass@host:port/INBOX},
 * {@code imaps://}, {@code pop3://}, {@code pop3s://}, {@code smtp://}, {@code smtps://}. User
 * and password may be percent-encoded; a user name that is an address may keep its bare {@code @}.
 */
public record MailServerUrl(String protocol, String host, int port, String user, String password, String folder) {

    public static MailServerUrl parse(String url) {
        int sep = url == null ? -1 : url.indexOf("://");
        if (sep < 1) {
            throw new IllegalArgumentException("not a mail server URL (imap://, imaps://, pop3://, pop3s://, smtp://, smtps://)");
        }
        String protocol = url.substring(0, sep).toLowerCase(Locale.ROOT);
        String rest = url.substring(sep + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        int at = authority.lastIndexOf('@');
        String user = null;
        String password = null;
        if (at >= 0) {
            String info = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        String host = authority;
        int port = -1;
        int colon = authority.lastIndexOf(':');
        if (colon > 0 && !authority.endsWith("]")) {
            host = authority.substring(0, colon);
            port = Integer.parseInt(authority.substring(colon + 1));
        }
        if (port < 0) {
            port = switch (protocol) {
                case "imap" -> 143;
                case "imaps" -> 993;
                case "pop3" -> 110;
                case "pop3s" -> 995;
                case "smtp" -> 25;
                case "smtps" -> 465;
                default -> throw new IllegalArgumentException("unknown mail protocol " + protocol);
            };
        }
        String folder = path.isEmpty() ? "INBOX" : decode(path);
        return new MailServerUrl(protocol, host, port, user, password, folder);
    }

    public boolean isPop3() {
        return protocol.startsWith("pop3");
    }

    public boolean isImap() {
        return protocol.startsWith("imap");
    }

    /** The camel-mail consumer endpoint: unread mail, left unread until its ticket is committed, then flagged seen. */
    public String consumerUri(int pollSeconds) {
        // Up to 1,000 mails per poll: at 50 a full mailbox waited 20 poll intervals (10 minutes at the default
        // 30 s). Not greedy polling: a mail that keeps failing would then be fetched again in a tight loop.
        StringBuilder uri = new StringBuilder(protocol).append("://").append(host).append(':').append(port)
                .append("?mapMailMessage=false&maxMessagesPerPoll=1000&fetchSize=1000&connectionTimeout=20000")
                .append("&delay=").append(pollSeconds * 1000L).append("&initialDelay=2000")
                .append("&folderName=").append(encode(folder));
        if (user != null) {
            uri.append("&username=RAW(").append(user).append(')');
        }
        if (password != null) {
            uri.append("&password=RAW(").append(password).append(')');
        }
        // POP3 has no flags: a processed mail is deleted. IMAP: SEEN after commit, unseen ones are fetched.
        uri.append(isPop3() ? "&delete=true" : "&unseen=true&delete=false&peek=true");
        return uri.toString();
    }

    @Override
    public String toString() {
        return protocol + "://" + (user == null ? "" : user + "@") + host + ":" + port + (isImap() || isPop3() ? "/" + folder : "");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
