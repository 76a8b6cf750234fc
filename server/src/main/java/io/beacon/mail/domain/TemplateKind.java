package io.beacon.mail.domain;

import io.beacon.platform.domain.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The notifications Beacon mails, each with its built-in Korean and English text. Placeholders:
 * {@code {{key}} {{title}} {{requester}} {{status}} {{author}} {{comment}} {{resolution}} {{group}} {{reason}}}.
 */
public enum TemplateKind {
    TICKET_OPENED("auto-replied",
            "[{{key}}] 접수되었습니다: {{title}}",
            "{{requester}}님, 안녕하세요.\n\n요청이 {{key}} 번호로 접수되었습니다.\n제목: {{title}}\n\n"
                    + "이 메일에 회신하시면 같은 요청에 내용이 추가됩니다. 제목의 [{{key}}]는 지우지 말아 주세요.\n\n"
                    + "서비스 데스크 드림",
            "[{{key}}] Received: {{title}}",
            "Hello {{requester}},\n\nyour request was received as {{key}}.\nSubject: {{title}}\n\n"
                    + "Reply to this mail to add to the same request; please keep [{{key}}] in the subject.\n\n"
                    + "The service desk"),
    COMMENT_ADDED("auto-generated",
            "[{{key}}] {{title}}",
            "{{author}}님이 {{key}}에 답변을 남겼습니다.\n\n{{comment}}\n\n이 메일에 회신하시면 답변이 요청에 추가됩니다.",
            "[{{key}}] {{title}}",
            "{{author}} replied on {{key}}:\n\n{{comment}}\n\nReply to this mail to answer on the request."),
    TICKET_RESOLVED("auto-generated",
            "[{{key}}] 해결되었습니다: {{title}}",
            "{{requester}}님, 요청 {{key}}이(가) 해결되었습니다.\n\n해결 내용:\n{{resolution}}\n\n"
                    + "해결되지 않았다면 이 메일에 회신해 주세요. 요청이 다시 열립니다.",
            "[{{key}}] Resolved: {{title}}",
            "Hello {{requester}}, your request {{key}} was resolved.\n\nResolution:\n{{resolution}}\n\n"
                    + "If it is not solved, reply to this mail and the request opens again."),
    SLA_ESCALATED("auto-generated",
            "[{{key}}] SLA 에스컬레이션: {{title}}",
            "{{group}} 그룹에 알립니다: {{key}}({{title}})의 SLA가 에스컬레이션되었습니다.\n\n사유: {{reason}}\n현재 상태: {{status}}",
            "[{{key}}] SLA escalation: {{title}}",
            "To {{group}}: the SLA of {{key}} ({{title}}) was escalated.\n\nReason: {{reason}}\nStatus: {{status}}"),
    /** To an agent named with {@code @} in an internal note: only ever mailed to the desk, never to a requester. */
    MENTIONED("auto-generated",
            "[{{key}}] {{author}}님이 메모에서 언급했습니다: {{title}}",
            "{{author}}님이 {{key}}({{title}})의 내부 메모에서 회원님을 언급했습니다.\n\n{{comment}}\n\n"
                    + "내부 메모는 데스크만 봅니다. 요청자에게는 보내지지 않습니다.",
            "[{{key}}] {{author}} mentioned you: {{title}}",
            "{{author}} mentioned you in an internal note on {{key}} ({{title}}):\n\n{{comment}}\n\n"
                    + "Internal notes are the desk's only; the requester never gets them.");

    private final String autoSubmitted;
    private final String subjectKo;
    private final String bodyKo;
    private final String subjectEn;
    private final String bodyEn;

    TemplateKind(String autoSubmitted, String subjectKo, String bodyKo, String subjectEn, String bodyEn) {
        this.autoSubmitted = autoSubmitted;
        this.subjectKo = subjectKo;
        this.bodyKo = bodyKo;
        this.subjectEn = subjectEn;
        this.bodyEn = bodyEn;
    }

    /** RFC 3834: acknowledgements are auto-replied, notifications auto-generated. */
    public String autoSubmitted() {
        return autoSubmitted;
    }

    public String defaultSubject(String locale) {
        return "en".equals(locale) ? subjectEn : subjectKo;
    }

    public String defaultBody(String locale) {
        return "en".equals(locale) ? bodyEn : bodyKo;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TemplateKind fromCode(String field, String code) {
        for (TemplateKind k : values()) {
            if (k.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return k;
            }
        }
        throw new InvalidInputException(field, "must be one of "
                + Arrays.stream(values()).map(TemplateKind::code).collect(Collectors.joining(", ")));
    }
}
