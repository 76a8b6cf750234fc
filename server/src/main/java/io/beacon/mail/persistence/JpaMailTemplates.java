package io.beacon.mail.persistence;

import io.beacon.mail.domain.MailTemplate;
import io.beacon.mail.domain.MailTemplates;
import io.beacon.mail.domain.TemplateKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaMailTemplates implements MailTemplates {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public Optional<MailTemplate> find(TemplateKind kind, String locale) {
        return em.createQuery("select t from MailTemplate t where t.name = :n and t.locale = :l", MailTemplate.class)
                .setParameter("n", kind.code()).setParameter("l", locale).getResultStream().findFirst();
    }

    @Override
    public List<MailTemplate> all() {
        return em.createQuery("select t from MailTemplate t order by t.name, t.locale", MailTemplate.class)
                .getResultList();
    }

    @Override
    public MailTemplate add(MailTemplate template) {
        em.persist(template);
        return template;
    }

    @Override
    public void remove(MailTemplate template) {
        em.remove(template);
    }
}
