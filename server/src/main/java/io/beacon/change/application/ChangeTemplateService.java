package io.beacon.change.application;

import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeTemplate;
import io.beacon.change.domain.ChangeTemplates;
import io.beacon.change.domain.Risk;
import io.beacon.cmdb.application.CiReferences;
import io.beacon.platform.domain.AccessDeniedException;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.Role;
import io.beacon.platform.domain.Validator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The catalogue of pre-approved standard changes: admins keep it (the CAB approved each template once),
 * agents raise standard changes from it ({@link ChangeService#create} with a template id).
 */
@ApplicationScoped
@Transactional
public class ChangeTemplateService {
    static final int MAX_CIS = 100;

    @Inject
    ChangeTemplates templates;

    @Inject
    CiReferences ciReferences;

    @Inject
    Clock clock;

    public List<ChangeTemplate> list() {
        return templates.all();
    }

    public ChangeTemplate get(long id) {
        return templates.byId(id).orElseThrow(() -> new NotFoundException("change template", String.valueOf(id)));
    }

    public ChangeTemplate create(Actor actor, NewChangeTemplate in) {
        ensureAdmin(actor);
        Risk risk = validate(in);
        ensureUniqueName(in.name(), null);
        return templates.add(new ChangeTemplate(in.name(), in.description(), risk, cis(in.ciIds()),
                in.implementationPlan(), in.backoutPlan(), in.testPlan(), actor.username(), clock.instant()));
    }

    public ChangeTemplate update(Actor actor, long id, NewChangeTemplate in) {
        ensureAdmin(actor);
        ChangeTemplate template = get(id);
        Risk risk = validate(in);
        ensureUniqueName(in.name(), template.getId());
        template.update(in.name(), in.description(), risk, cis(in.ciIds()), in.implementationPlan(),
                in.backoutPlan(), in.testPlan(), clock.instant());
        return template;
    }

    /** Changes raised from the template keep their copy of it (and its id, for the record). */
    public void remove(Actor actor, long id) {
        ensureAdmin(actor);
        templates.remove(get(id));
    }

    private Risk validate(NewChangeTemplate in) {
        Validator v = new Validator();
        v.text(in.name(), "name", true, ChangeTemplate.NAME_MAX);
        v.text(in.description(), "description", false, Change.TEXT_MAX);
        v.text(in.implementationPlan(), "implementationPlan", true, Change.TEXT_MAX);
        v.text(in.backoutPlan(), "backoutPlan", true, Change.TEXT_MAX);
        v.text(in.testPlan(), "testPlan", false, Change.TEXT_MAX);
        v.throwIfInvalid();
        return in.risk() == null ? Risk.LOW : Risk.fromCode("risk", in.risk());
    }

    private void ensureUniqueName(String name, Long self) {
        templates.byName(name).filter(t -> !t.getId().equals(self)).ifPresent(t -> {
            throw new ConflictException("name", "a template named '" + t.getName() + "' exists already");
        });
    }

    private Set<Long> cis(List<Long> ids) {
        return ids == null ? Set.of() : ciReferences.checked(ids, MAX_CIS);
    }

    private static void ensureAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("only admins keep the standard-change catalogue");
        }
    }
}
