package io.beacon.integrations.mail;

import io.beacon.mail.domain.InboundAttachment;
import io.beacon.mail.domain.InboundMail;
import io.beacon.mail.domain.MailSignals;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a mail's raw bytes into an {@link InboundMail}: headers through {@link EncodedWords},
 * parameters through {@link MimeParameters}, bodies decoded from their bytes with
 * {@link KoreanCharsets} (never through Jakarta Mail's own charset table, which loses CP949
 * syllables), the text part preferred and HTML reduced to text, attachments read up to a limit.
 */
public final class MimeMailParser {
    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern QUOTED_ID = Pattern.compile("(?im)^Message-ID:[ \\t]*<([^<>\\s]+)>");
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final int MAX_DEPTH = 20;

    private final long maxAttachmentBytes;

    public MimeMailParser(long maxAttachmentBytes) {
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    public InboundMail parse(byte[] raw) throws UnreadableMailException {
        try {
            MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            String rawFrom = header(m, "From");
            String fromAddress = address(rawFrom);
            if (fromAddress == null) {
                fromAddress = address(header(m, "Sender"));
            }
            Body body = new Body();
            walk(m, body, 0);
            String text = !body.plain.isEmpty() ? String.join("\n\n", body.plain)
                    : HtmlText.toText(String.join("\n", body.html));
            String contentType = header(m, "Content-Type");
            boolean report = "multipart/report".equals(MimeParameters.primary(contentType));
            String returnPath = header(m, "Return-Path");
            MailSignals signals = new MailSignals(header(m, "Auto-Submitted"), header(m, "Precedence"),
                    header(m, "X-Auto-Response-Suppress"), header(m, "X-Loop"),
                    header(m, "List-Id") != null || header(m, "List-Unsubscribe") != null, report,
                    returnPath != null && returnPath.replaceAll("\\s", "").equals("<>"));
            List<String> references = ids(header(m, "References"));
            if (report) {
                references = new ArrayList<>(references);
                references.addAll(body.quotedIds); // a bounce threads to the mail it returns
            }
            return new InboundMail(messageId(header(m, "Message-ID"), raw), first(header(m, "In-Reply-To")),
                    references, fromAddress, personal(rawFrom), EncodedWords.decode(header(m, "Subject")),
                    text.replace("\r\n", "\n"), body.attachments, signals, authenticationResults(m));
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnreadableMailException("cannot read the mail: " + e.getMessage(), e);
        }
    }

    private void walk(Part part, Body body, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            throw new MessagingException("MIME nesting deeper than " + MAX_DEPTH);
        }
        String contentType = first(part.getHeader("Content-Type"));
        String type = contentType == null ? "text/plain" : MimeParameters.primary(contentType);
        String disposition = first(part.getHeader("Content-Disposition"));
        String fileName = MimeParameters.get(disposition, "filename");
        if (fileName == null) {
            fileName = MimeParameters.get(contentType, "name");
        }
        boolean attachment = "attachment".equals(MimeParameters.primary(disposition)) || fileName != null;
        if (type.startsWith("multipart/") && !attachment) {
            // Parsed from bytes, not getContent(): no activation mailcap lookup, no surprises on Liberty.
            MimeMultipart multi = new MimeMultipart(new ByteArrayDataSource(read(part.getInputStream(), -1).bytes,
                    contentType));
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart child = multi.getBodyPart(i);
                walk(child, body, depth + 1);
            }
            return;
        }
        if (!attachment && (type.equals("text/plain") || type.equals("text/html"))) {
            String text = KoreanCharsets.decode(read(part.getInputStream(), -1).bytes,
                    MimeParameters.get(contentType, "charset"));
            (type.equals("text/plain") ? body.plain : body.html).add(text);
            return;
        }
        if (type.equals("message/delivery-status")) {
            return; // the machine-readable part of a bounce: the report flag says enough
        }
        if (type.equals("text/rfc822-headers") || type.equals("message/rfc822")) {
            // A bounce quotes the mail that failed: its Message-ID tells which ticket it belongs to.
            byte[] quoted = read(part.getInputStream(), -1).bytes;
            Matcher id = QUOTED_ID.matcher(new String(quoted, 0, Math.min(quoted.length, 64 * 1024),
                    java.nio.charset.StandardCharsets.ISO_8859_1));
            if (id.find()) {
                body.quotedIds.add(id.group(1));
            }
            if (type.equals("text/rfc822-headers")) {
                return;
            }
            Read whole = new Read(quoted.length > maxAttachmentBytes ? null : quoted, quoted.length,
                    quoted.length > maxAttachmentBytes);
            body.attachments.add(new InboundAttachment(fileName != null ? fileName
                    : "message-" + (body.attachments.size() + 1) + ".eml", type, whole.size,
                    whole.overLimit ? null : whole.bytes));
            return;
        }
        Read content = read(part.getInputStream(), maxAttachmentBytes);
        String name = fileName != null && !fileName.isBlank() ? fileName
                : "attachment-" + (body.attachments.size() + 1) + extension(type);
        body.attachments.add(new InboundAttachment(name, type, content.size, content.overLimit ? null : content.bytes));
    }

    private static String extension(String type) {
        return switch (type) {
            case "message/rfc822" -> ".eml";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "application/pdf" -> ".pdf";
            case "text/calendar" -> ".ics";
            default -> ".bin";
        };
    }

    private record Read(byte[] bytes, long size, boolean overLimit) {}

    /** Reads a stream; beyond {@code limit} bytes (when &gt;= 0) only counts the rest. */
    private static Read read(InputStream in, long limit) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                if (limit < 0 || total + n <= limit) {
                    out.write(buf, 0, n);
                }
                total += n;
            }
            boolean over = limit >= 0 && total > limit;
            return new Read(over ? null : out.toByteArray(), total, over);
        }
    }

    private static final class Body {
        final List<String> plain = new ArrayList<>();
        final List<String> html = new ArrayList<>();
        final List<InboundAttachment> attachments = new ArrayList<>();
        final List<String> quotedIds = new ArrayList<>();
    }

    /** Every Authentication-Results header, unfolded, in header order: the topmost (the latest added) first. */
    private static List<String> authenticationResults(MimeMessage m) throws MessagingException {
        String[] values = m.getHeader("Authentication-Results");
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                out.add(EncodedWords.unfold(v));
            }
        }
        return out;
    }

    private static String header(MimeMessage m, String name) throws MessagingException {
        return first(m.getHeader(name));
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 ? null : values[0];
    }

    static String address(String rawFrom) {
        if (rawFrom == null || rawFrom.isBlank()) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(EncodedWords.unfold(rawFrom), false);
            return parsed.length == 0 || parsed[0].getAddress() == null ? null : parsed[0].getAddress().strip();
        } catch (AddressException e) {
            Matcher m = Pattern.compile("<([^<>\\s@]+@[^<>\\s]+)>").matcher(rawFrom);
            return m.find() ? m.group(1) : null;
        }
    }

    /** The display name of a From header, decoded ourselves (Jakarta Mail would decode ks_c_5601-1987 as EUC-KR). */
    static String personal(String rawFrom) {
        if (rawFrom == null) {
            return null;
        }
        String unfolded = EncodedWords.unfold(rawFrom);
        int lt = unfolded.lastIndexOf('<');
        if (lt <= 0) {
            return null;
        }
        String name = unfolded.substring(0, lt).strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        name = EncodedWords.decode(name).strip();
        return name.isEmpty() ? null : name;
    }

    static String first(String idsHeader) {
        List<String> ids = ids(idsHeader);
        return ids.isEmpty() ? null : ids.get(0);
    }

    static List<String> ids(String header) {
        List<String> out = new ArrayList<>();
        if (header != null) {
            Matcher m = ANGLE_ID.matcher(header);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The mail's Message-ID; without one, a stable id from its bytes, so a re-read mail is still known. */
    static String messageId(String header, byte[] raw) {
        String id = first(header);
        if (id == null && header != null && !header.isBlank()) {
            id = header.strip();
        }
        if (id != null && id.length() <= 400) {
            return id;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)) + "@no-message-id.beacon";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
