package io.beacon.mail.domain;

import io.beacon.platform.domain.Validator;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An administrator's wording of one notification in one language; without one the built-in text is used. */
@Entity
@Table(name = "mail_template")
public class MailTemplate {
    public static final int SUBJECT_MAX = 300;
    public static final int BODY_MAX = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_template_seq")
    @SequenceGenerator(name = "mail_template_seq", sequenceName = "mail_template_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 40)
    private String name;

    @Column(nullable = false, length = 8)
    private String locale;

    @Column(nullable = false, length = SUBJECT_MAX)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Version
    private long version;

    protected MailTemplate() {}

    public MailTemplate(TemplateKind kind, String locale, String subject, String body, String by, Instant now) {
        this.name = kind.code();
        this.locale = locale;
        edit(subject, body, by, now);
    }

    public final void edit(String newSubject, String newBody, String by, Instant now) {
        Validator v = new Validator();
        v.text(newSubject, "subject", true, SUBJECT_MAX);
        v.text(newBody, "body", true, BODY_MAX);
        v.throwIfInvalid();
        this.subject = newSubject.strip();
        this.body = newBody;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public String getName() {
        return name;
    }

    public String getLocale() {
        return locale;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public long getVersion() {
        return version;
    }
}
