package io.beacon.identity.application;

import io.beacon.identity.domain.Groups;
import io.beacon.identity.domain.PasswordHasher;
import io.beacon.identity.domain.User;
import io.beacon.identity.domain.UserGroup;
import io.beacon.identity.domain.Users;
import io.beacon.platform.config.BeaconConfig;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.Role;
import io.beacon.platform.domain.Validator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Creates and changes users and groups. */
@ApplicationScoped
@Transactional
public class UserService {
    private final PasswordHasher hasher = new PasswordHasher();

    @Inject
    Users users;

    @Inject
    Groups groups;

    @Inject
    BeaconConfig config;

    @Inject
    Clock clock;

    @Inject
    CredentialCache credentialCache;

    @Inject
    SignInRevocations revocations;

    public User create(NewUser input) {
        Validator v = new Validator();
        v.text(input.username(), "username", true, 64);
        if (input.username() != null && !input.username().isBlank()) {
            v.require(User.USERNAME.matcher(input.username()).matches(), "username",
                    "letters, digits and . _ @ - only, starting with a letter or digit");
        }
        v.text(input.displayName(), "displayName", false, 200);
        v.text(input.email(), "email", false, 320);
        if (input.email() != null && !input.email().isBlank()) {
            v.require(User.EMAIL.matcher(input.email()).matches(), "email", "is not an e-mail address");
        }
        if (input.password() != null) {
            v.require(input.password().length() >= config.passwordMinLength(), "password",
                    "must be at least " + config.passwordMinLength() + " characters");
            v.require(input.password().length() <= 256, "password", "must be at most 256 characters");
        }
        String locale = input.locale() == null ? "ko" : input.locale();
        v.require(User.isSupportedLocale(locale), "locale", "must be ko or en");
        String zone = input.timeZone() == null ? "Asia/Seoul" : input.timeZone();
        v.require(User.isValidTimeZone(zone), "timeZone", "is not a time zone");
        v.require(input.roles() != null && !input.roles().isEmpty(), "roles", "must name at least one role");
        v.throwIfInvalid();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        input.roles().forEach(r -> roles.add(Role.fromCode("roles", r)));
        if (users.byUsername(input.username()).isPresent()) {
            throw new ConflictException("username", "a user named '" + input.username() + "' exists already");
        }
        User user = new User(input.username(), input.displayName(), null, roles, locale, zone, clock.instant());
        user.setEmail(blankToNull(input.email()));
        if (input.password() != null) {
            user.setPasswordHash(hasher.hash(input.password()));
        }
        return users.add(user);
    }

    public User byIdOrUsername(String idOrName) {
        return (idOrName.chars().allMatch(Character::isDigit)
                ? users.byId(Long.parseLong(idOrName)) : users.byUsername(idOrName))
                .orElseThrow(() -> new NotFoundException("user", idOrName));
    }

    public User update(String idOrName, UserChanges changes) {
        User user = byIdOrUsername(idOrName);
        Validator v = new Validator();
        if (changes.displayName() != null) {
            v.text(changes.displayName(), "displayName", true, 200);
        }
        if (changes.email() != null && !changes.email().isBlank()) {
            v.require(User.EMAIL.matcher(changes.email()).matches(), "email", "is not an e-mail address");
        }
        if (changes.locale() != null) {
            v.require(User.isSupportedLocale(changes.locale()), "locale", "must be ko or en");
        }
        if (changes.timeZone() != null) {
            v.require(User.isValidTimeZone(changes.timeZone()), "timeZone", "is not a time zone");
        }
        if (changes.password() != null) {
            v.require(changes.password().length() >= config.passwordMinLength(), "password",
                    "must be at least " + config.passwordMinLength() + " characters");
            v.require(changes.password().length() <= 256, "password", "must be at most 256 characters");
        }
        v.throwIfInvalid();
        if (changes.displayName() != null) {
            user.setDisplayName(changes.displayName());
        }
        if (changes.email() != null) {
            user.setEmail(blankToNull(changes.email()));
        }
        if (changes.locale() != null) {
            user.setLocale(changes.locale());
        }
        if (changes.timeZone() != null) {
            user.setTimeZone(changes.timeZone());
        }
        if (changes.active() != null) {
            user.setActive(changes.active());
        }
        if (changes.roles() != null) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            changes.roles().forEach(r -> roles.add(Role.fromCode("roles", r)));
            user.setRoles(roles);
        }
        if (changes.password() != null) {
            user.setPasswordHash(hasher.hash(changes.password()));
        }
        credentialCache.forget(user.getUsername());
        if (changes.password() != null || Boolean.FALSE.equals(changes.active())) {
            // Whoever knew the old password, or signed in before the deactivation, is out now.
            revocations.revoke(user.getUsername());
        }
        return user;
    }

    /** The requester behind an e-mail address, created on first sight (mail and API requesters). */
    public User requesterFor(String email, String displayName) {
        String normalized = User.normalEmail(email);
        return users.byEmail(normalized).orElseGet(() -> {
            String base = normalized.length() > 64 ? normalized.substring(0, 64) : normalized;
            String username = base;
            for (int i = 2; users.byUsername(username).isPresent(); i++) {
                username = base + "-" + i;
            }
            User user = new User(username, displayName, normalized, Set.of(Role.REQUESTER), "ko", "Asia/Seoul",
                    clock.instant());
            return users.add(user);
        });
    }

    public UserGroup createGroup(String name, String description, String leadUsername, List<String> members) {
        Validator v = new Validator();
        v.text(name, "name", true, 100);
        v.text(description, "description", false, 500);
        v.throwIfInvalid();
        if (groups.byName(name).isPresent()) {
            throw new ConflictException("name", "a group named '" + name + "' exists already");
        }
        UserGroup group = new UserGroup(name, description);
        if (leadUsername != null) {
            User lead = users.byUsername(leadUsername)
                    .orElseThrow(() -> new io.beacon.platform.domain.InvalidInputException("lead", "no user '" + leadUsername + "'"));
            group.setLead(lead);
            group.addMember(lead);
        }
        if (members != null) {
            for (String m : members) {
                group.addMember(users.byUsername(m).orElseThrow(
                        () -> new io.beacon.platform.domain.InvalidInputException("members", "no user '" + m + "'")));
            }
        }
        return groups.add(group);
    }

    public UserGroup addMember(String groupIdOrName, String username) {
        UserGroup group = group(groupIdOrName);
        group.addMember(users.byUsername(username).orElseThrow(() -> new NotFoundException("user", username)));
        return group;
    }

    public UserGroup group(String idOrName) {
        return (idOrName.chars().allMatch(Character::isDigit)
                ? groups.byId(Long.parseLong(idOrName)) : groups.byName(idOrName))
                .orElseThrow(() -> new NotFoundException("group", idOrName));
    }

    public List<UserGroup> groups() {
        return groups.all();
    }

    public List<UserGroup> groupsOf(User user) {
        return groups.ofMember(user);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
