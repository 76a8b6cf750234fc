package io.beacon.mail.domain;

import java.util.regex.Pattern;

/**
 * The new part of a reply: mail clients quote the whole conversation below (or above) the
 * answer, and a ticket should not repeat it in every comment. Cuts at the first quote header
 * (Outlook's "-----Original Message-----" and Korean "-----원본 메시지-----", "On ... wrote:",
 * Outlook's "From:/보낸 사람:" block) and drops "&gt;"-quoted lines.
 */
public final class ReplyText {
    private static final Pattern CUT = Pattern.compile(
            "(?m)^\\s*(?:-{2,}\\s*(?:original message|원본 메시지|원래 메시지|forwarded message|전달된 메시지)\\s*-{2,}"
                    + "|on .{1,200}wrote:\\s*$"
                    + "|20\\d\\d[-./년 ].{1,80}(?:작성|wrote):?\\s*$"
                    + "|(?:from|보낸 사람|보낸사람)\\s*[:：].*\\R\\s*(?:sent|date|보낸 날짜|날짜)\\s*[:：])",
            Pattern.CASE_INSENSITIVE);

    private ReplyText() {}

    public static String newPart(String text) {
        if (text == null) {
            return "";
        }
        var m = CUT.matcher(text);
        String head = m.find() ? text.substring(0, m.start()) : text;
        StringBuilder out = new StringBuilder();
        for (String line : head.split("\\R", -1)) {
            if (!line.startsWith(">")) {
                out.append(line).append('\n');
            }
        }
        String s = out.toString().strip();
        return s.isEmpty() ? text.strip() : s;
    }
}
