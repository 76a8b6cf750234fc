package io.beacon.mail.domain;

import java.util.List;
import java.util.Optional;

/** The administrators' template texts. */
public interface MailTemplates {
    Optional<MailTemplate> find(TemplateKind kind, String locale);

    List<MailTemplate> all();

    MailTemplate add(MailTemplate template);

    void remove(MailTemplate template);
}
