package io.beacon.ticket.application;

import io.beacon.identity.application.UserService;
import io.beacon.identity.domain.Groups;
import io.beacon.identity.domain.User;
import io.beacon.identity.domain.UserGroup;
import io.beacon.identity.domain.Users;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns the names a client sends (user names, e-mail addresses, group names or ids) into the people and groups of a ticket. */
@ApplicationScoped
public class TicketParties {
    @Inject
    Users users;

    @Inject
    Groups groups;

    @Inject
    UserService userService;

    /** A user name, or an e-mail address: an unknown address becomes a new requester. */
    public User requester(String nameOrEmail) {
        String s = nameOrEmail.strip();
        var byName = users.byUsername(s);
        if (byName.isPresent()) {
            return byName.get();
        }
        if (User.EMAIL.matcher(s).matches() && s.length() <= 320) {
            return userService.requesterFor(s, null);
        }
        throw new InvalidInputException("requester", "no user '" + s + "', and it is not an e-mail address");
    }

    /** Someone who works tickets (an agent or admin). */
    public User assignee(String username) {
        User user = users.byUsername(username.strip())
                .orElseThrow(() -> new InvalidInputException("assignee", "no user '" + username + "'"));
        if (!user.isActive() || !(user.hasRole(Role.AGENT) || user.hasRole(Role.ADMIN))) {
            throw new InvalidInputException("assignee", "'" + username + "' is not an active agent");
        }
        return user;
    }

    public UserGroup group(String nameOrId) {
        String s = nameOrId.strip();
        var group = !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit)
                ? groups.byId(Long.parseLong(s)) : groups.byName(s);
        return group.orElseThrow(() -> new InvalidInputException("group", "no group '" + s + "'"));
    }
}
