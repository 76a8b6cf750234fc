package io.beacon.change.application;

import io.beacon.change.domain.ApprovalRounds;
import io.beacon.change.domain.ApproverSubstitute;
import io.beacon.change.domain.Change;
import io.beacon.change.domain.Changes;
import io.beacon.identity.domain.Groups;
import io.beacon.identity.domain.User;
import io.beacon.identity.domain.Users;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who approves a change: the members of the approver group (or, without one, every user with the
 * approver role), active and allowed to sign in, minus the change's requester, implementer and whoever
 * revised what was approved (four eyes); each with their active substitutes, who are held to four eyes and must hold the approver role
 * as well.
 */
@ApplicationScoped
public class ApproverPool {
    @Inject
    Groups groups;

    @Inject
    Users users;

    @Inject
    Changes changes;

    public List<ApproverSlot> slots(Change change, String groupName, Instant at) {
        List<ApproverSlot> out = new ArrayList<>();
        Set<String> revisers = ApprovalRounds.revisers(changes.history(change.getId()));
        Predicate<String> fourEyes = u -> change.mayBeApprovedBy(u) && !revisers.contains(u.toLowerCase(Locale.ROOT));
        for (String approver : members(groupName)) {
            if (!fourEyes.test(approver)) {
                continue;
            }
            Set<String> candidates = new LinkedHashSet<>();
            candidates.add(approver);
            for (ApproverSubstitute s : changes.substitutesOf(approver, at)) {
                if (fourEyes.test(s.getSubstitute())
                        && users.byUsername(s.getSubstitute()).filter(ApproverPool::mayDecide).isPresent()) {
                    candidates.add(s.getSubstitute());
                }
            }
            out.add(new ApproverSlot(approver, List.copyOf(candidates)));
        }
        return out;
    }

    List<String> members(String groupName) {
        var group = groups.byName(groupName);
        List<User> people = group.<List<User>>map(g -> new ArrayList<>(g.getMembers()))
                .filter(m -> !m.isEmpty())
                .orElseGet(() -> users.list(null, Role.APPROVER, PageRequest.of(0, PageRequest.MAX_SIZE)).items());
        return people.stream().filter(ApproverPool::mayDecide).map(User::getUsername).distinct()
                .sorted(Comparator.naturalOrder()).toList();
    }

    /**
     * Who may decide a change at all, checked again at every decision (a role can be taken away after a
     * seat or a substitution was given): a user who can sign in and holds the approver role (admins sit
     * in the CAB too).
     */
    public static boolean mayDecide(User user) {
        return user.canSignIn() && mayDecide(user.getRoles());
    }

    public static boolean mayDecide(Set<Role> roles) {
        return roles.contains(Role.APPROVER) || roles.contains(Role.ADMIN);
    }
}
