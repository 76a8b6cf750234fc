package io.beacon.identity.application;

import io.beacon.identity.domain.Organisation;
import io.beacon.identity.domain.Organisations;
import io.beacon.identity.domain.User;
import io.beacon.identity.domain.Users;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.Role;
import io.beacon.platform.domain.Validator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Organisations and the requesters (contacts) that belong to them; the desk's calls. */
@ApplicationScoped
@Transactional
public class OrganisationService {
    @Inject
    Organisations organisations;

    @Inject
    Users users;

    @Inject
    Clock clock;

    @Inject
    CredentialCache credentialCache;

    public Organisation create(String name) {
        Organisation o = new Organisation(name, clock.instant());
        if (organisations.byName(o.getName()).isPresent()) {
            throw taken(o.getName());
        }
        return organisations.add(o);
    }

    public Organisation rename(String idOrName, String name) {
        Organisation o = organisation(idOrName);
        Optional<Organisation> same = organisations.byName(name == null ? "" : name);
        if (same.isPresent() && !same.get().getId().equals(o.getId())) {
            throw taken(name.strip());
        }
        o.rename(name);
        return o;
    }

    public Organisation organisation(String idOrName) {
        String key = idOrName == null ? "" : idOrName.strip();
        return (!key.isEmpty() && key.length() < 19 && key.chars().allMatch(Character::isDigit)
                ? organisations.byId(Long.parseLong(key)) : organisations.byName(key))
                .orElseThrow(() -> (NotFoundException) new NotFoundException("organisation", key)
                        .keyed("problem.organisation.notFound", Map.of("name", key)));
    }

    public List<Organisation> list(String query) {
        return organisations.list(query == null || query.isBlank() ? null : query.strip(), 500);
    }

    public Map<Long, Long> memberCounts() {
        return organisations.memberCounts();
    }

    public List<User> members(Organisation o) {
        return organisations.members(o);
    }

    /** Records a requester who can be named on tickets; they sign in only once an admin gives them a password. */
    public User createContact(NewContact in) {
        Validator v = new Validator();
        v.text(in.displayName(), "displayName", true, 200);
        v.text(in.email(), "email", true, 320);
        if (in.email() != null && !in.email().isBlank()) {
            v.require(User.EMAIL.matcher(in.email().strip()).matches(), "email", "is not an e-mail address");
        }
        checkPhone(v, in.phone());
        v.throwIfInvalid();
        String email = in.email().strip().toLowerCase(Locale.ROOT);
        Optional<User> known = users.byEmail(email);
        if (known.isPresent()) {
            throw new ConflictException("email", email + " belongs to " + known.get().getUsername() + " already")
                    .keyed("problem.contact.emailTaken", Map.of("email", email, "username", known.get().getUsername()));
        }
        Organisation org = in.organisation() == null || in.organisation().isBlank() ? null
                : organisationField("organisation", in.organisation());
        String base = email.length() > 64 ? email.substring(0, 64) : email;
        String username = base;
        for (int i = 2; users.byUsername(username).isPresent(); i++) {
            username = base + "-" + i;
        }
        User user = new User(username, in.displayName().strip(), null, Set.of(Role.REQUESTER), "ko", "Asia/Seoul",
                clock.instant());
        user.setEmail(email);
        user.setPhone(in.phone());
        user.setOrganisation(org);
        return users.add(user);
    }

    /** Moves a person into an organisation (blank: out of any) and/or changes their phone number (blank clears). */
    public User changeContact(String idOrUsername, Optional<String> organisation, Optional<String> phone) {
        User user = (idOrUsername.chars().allMatch(Character::isDigit) && idOrUsername.length() < 19
                ? users.byId(Long.parseLong(idOrUsername)) : users.byUsername(idOrUsername))
                .orElseThrow(() -> new NotFoundException("user", idOrUsername));
        if (phone != null) {
            Validator v = new Validator();
            checkPhone(v, phone.orElse(null));
            v.throwIfInvalid();
            user.setPhone(phone.orElse(null));
        }
        if (organisation != null) {
            user.setOrganisation(organisation.filter(s -> !s.isBlank()).map(this::organisation).orElse(null));
        }
        credentialCache.forget(user.getUsername());
        return user;
    }

    private static void checkPhone(Validator v, String phone) {
        if (phone != null && !phone.isBlank()) {
            v.require(User.PHONE.matcher(phone.strip()).matches(), "phone", "is not a phone number");
        }
    }

    private static ConflictException taken(String name) {
        return (ConflictException) new ConflictException("name", "an organisation named '" + name + "' exists already")
                .keyed("problem.organisation.nameTaken", Map.of("name", name));
    }

    /** An unknown organisation in a field of another request is bad input there, not a missing page. */
    public Organisation organisationField(String field, String idOrName) {
        try {
            return organisation(idOrName);
        } catch (NotFoundException e) {
            throw (InvalidInputException) new InvalidInputException(field, "no organisation '" + idOrName + "'")
                    .keyed("problem.organisation.notFound", Map.of("name", idOrName));
        }
    }
}
