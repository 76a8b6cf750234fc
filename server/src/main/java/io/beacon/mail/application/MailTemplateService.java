package io.beacon.mail.application;

import io.beacon.mail.domain.MailTemplate;
import io.beacon.mail.domain.MailTemplates;
import io.beacon.mail.domain.TemplateKind;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The notification texts per kind and language: the administrator's wording, or the built-in one. */
@ApplicationScoped
@Transactional
public class MailTemplateService {
    public static final List<String> LOCALES = List.of("ko", "en");

    @Inject
    MailTemplates templates;

    @Inject
    Clock clock;

    /** The text in force, and whether an administrator changed it. */
    public record TemplateText(String name, String locale, String subject, String body, boolean custom,
            Instant updatedAt, String updatedBy) {}

    public List<TemplateText> list() {
        List<TemplateText> out = new ArrayList<>();
        for (TemplateKind kind : TemplateKind.values()) {
            for (String locale : LOCALES) {
                out.add(get(kind, locale));
            }
        }
        return out;
    }

    public TemplateText get(String name, String locale) {
        return get(TemplateKind.fromCode("name", name), checkedLocale(locale));
    }

    public TemplateText put(Actor actor, String name, String locale, String subject, String body) {
        TemplateKind kind = TemplateKind.fromCode("name", name);
        String loc = checkedLocale(locale);
        var existing = templates.find(kind, loc);
        if (existing.isPresent()) {
            existing.get().edit(subject, body, actor.username(), clock.instant());
        } else {
            templates.add(new MailTemplate(kind, loc, subject, body, actor.username(), clock.instant()));
        }
        return get(kind, loc);
    }

    /** Back to the built-in text. */
    public TemplateText reset(String name, String locale) {
        TemplateKind kind = TemplateKind.fromCode("name", name);
        String loc = checkedLocale(locale);
        templates.find(kind, loc).ifPresent(templates::remove);
        return new TemplateText(kind.code(), loc, kind.defaultSubject(loc), kind.defaultBody(loc), false, null, null);
    }

    private TemplateText get(TemplateKind kind, String locale) {
        return templates.find(kind, locale)
                .map(t -> new TemplateText(kind.code(), locale, t.getSubject(), t.getBody(), true, t.getUpdatedAt(),
                        t.getUpdatedBy()))
                .orElse(new TemplateText(kind.code(), locale, kind.defaultSubject(locale), kind.defaultBody(locale),
                        false, null, null));
    }

    private static String checkedLocale(String locale) {
        if (locale == null || !LOCALES.contains(locale.strip())) {
            throw new InvalidInputException("locale", "must be ko or en");
        }
        return locale.strip();
    }
}
