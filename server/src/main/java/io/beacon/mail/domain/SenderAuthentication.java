package io.beacon.mail.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the receiving mail server found about a mail's sender, read from its {@code Authentication-Results}
 * header (RFC 8601). Anyone can write such a header into a mail, so only the one stamped with the
 * configured authserv-id counts, and of those only the topmost: the receiving server adds its own on top
 * (RFC 8601 §4) and should delete forged ones that carry its id (§5); one further down with that id came
 * from outside and is ignored.
 *
 * <p>The mail is <em>unverified</em> when that header says {@code dmarc=fail}, {@code dkim=fail} (and no
 * signature passed), or {@code spf=fail} / {@code spf=softfail} (softfail: the domain says the host is
 * probably not its own, RFC 7208 §2.6.5; Beacon only withholds the sender's rights, it rejects nothing,
 * so the doubt is enough). {@code dmarc=pass} settles it the other way: the {@code From} domain itself
 * was authenticated. Without a configured authserv-id nothing is evaluated.
 */
public record SenderAuthentication(List<String> failures) {
    public static final SenderAuthentication NOT_EVALUATED = new SenderAuthentication(List.of());

    private static final Pattern RESULT = Pattern.compile("^([A-Za-z0-9_.-]+)\\s*(?:/\\s*\\d+\\s*)?=\\s*([A-Za-z0-9_-]+)");

    public SenderAuthentication {
        failures = List.copyOf(failures);
    }

    /** Whether the trusted header says the sender failed authentication. */
    public boolean unverified() {
        return !failures.isEmpty();
    }

    /** The failing results, e.g. {@code dkim=fail spf=softfail}; empty when verified or not evaluated. */
    public String summary() {
        return String.join(" ", failures);
    }

    /**
     * @param headerValues the mail's {@code Authentication-Results} values, topmost first, unfolded
     * @param authservId the receiving server's id that Beacon trusts; null or blank: nothing is evaluated
     */
    public static SenderAuthentication of(List<String> headerValues, String authservId) {
        if (authservId == null || authservId.isBlank() || headerValues == null) {
            return NOT_EVALUATED;
        }
        for (String value : headerValues) {
            List<String> parts = split(withoutComments(value == null ? "" : value));
            if (parts.isEmpty() || !authservIdOf(parts.get(0)).equalsIgnoreCase(authservId.strip())) {
                continue;
            }
            return judge(parts.subList(1, parts.size()));
        }
        return NOT_EVALUATED;
    }

    private static SenderAuthentication judge(List<String> resinfos) {
        List<String> dkim = new ArrayList<>();
        List<String> spf = new ArrayList<>();
        List<String> dmarc = new ArrayList<>();
        for (String r : resinfos) {
            Matcher m = RESULT.matcher(r.strip());
            if (!m.find()) {
                continue;
            }
            String method = m.group(1).toLowerCase(Locale.ROOT);
            String result = m.group(2).toLowerCase(Locale.ROOT);
            switch (method) {
                case "dkim" -> dkim.add(result);
                case "spf" -> spf.add(result);
                case "dmarc" -> dmarc.add(result);
                default -> { }
            }
        }
        if (dmarc.contains("pass")) {
            return new SenderAuthentication(List.of()); // the From domain itself was authenticated
        }
        List<String> failures = new ArrayList<>();
        if (dmarc.contains("fail")) {
            failures.add("dmarc=fail");
        }
        if (dkim.contains("fail") && !dkim.contains("pass")) {
            failures.add("dkim=fail");
        }
        spf.stream().filter(s -> s.equals("fail") || s.equals("softfail")).findFirst()
                .ifPresent(s -> failures.add("spf=" + s));
        return new SenderAuthentication(failures);
    }

    /** The authserv-id is the first token of the header (a version may follow it). */
    private static String authservIdOf(String first) {
        String s = first.strip();
        if (s.startsWith("\"")) {
            int end = s.indexOf('"', 1);
            return end < 0 ? s.substring(1) : s.substring(1, end);
        }
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    /** Drops RFC 5322 comments (nested parentheses, outside quoted strings): {@code (sender IP is 10.0.0.1)}. */
    static String withoutComments(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && (quoted || depth > 0)) {
                if (depth == 0) {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
            } else if (depth == 0 && c == '"') {
                quoted = !quoted;
                out.append(c);
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
                if (depth == 0) {
                    out.append(' ');
                }
            } else if (depth == 0) {
                out.append(c == '\r' || c == '\n' || c == '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** Splits at semicolons outside quoted strings. */
    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        if (parts.get(0).isBlank()) {
            return List.of();
        }
        return parts;
    }
}
