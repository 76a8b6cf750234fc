package io.beacon.ticket.application;

import io.beacon.identity.domain.Groups;
import io.beacon.identity.domain.User;
import io.beacon.identity.domain.UserGroup;
import io.beacon.identity.domain.Users;
import io.beacon.platform.domain.AccessDeniedException;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.Role;
import io.beacon.ticket.domain.SavedView;
import io.beacon.ticket.domain.SavedViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Saved queue views: a user keeps their own, and shares one with a group they belong to (an
 * administrator with any group); members of that group see it. Only the owner or an administrator
 * changes or deletes a view.
 */
@ApplicationScoped
@Transactional
public class SavedViewService {
    @Inject
    SavedViews views;

    @Inject
    Users users;

    @Inject
    Groups groups;

    @Inject
    Clock clock;

    /** A view with the name of the group it is shared with (null: private) and whether the caller may change it. */
    public record Shown(SavedView view, String groupName, boolean mine) {}

    /** {@code group}: a group name or id to share with, or null for a private view. */
    public record Input(String name, String group, Map<String, String> params) {}

    public List<Shown> visible(Actor actor) {
        Set<Long> mine = myGroups(actor).stream().map(UserGroup::getId).collect(Collectors.toSet());
        return views.visibleTo(actor.username(), mine).stream().map(v -> shown(actor, v)).toList();
    }

    public Shown create(Actor actor, Input in) {
        Long groupId = sharedWith(actor, in.group());
        String name = in.name() == null ? null : in.name().strip();
        if (name != null && views.byOwnerAndName(actor.username(), name).isPresent()) {
            throw new ConflictException("name", "you have a view named '" + name + "' already");
        }
        SavedView view = views.add(new SavedView(actor.username(), name, groupId, in.params(), clock.instant()));
        return shown(actor, view);
    }

    /** Absent parts of {@code in} (null) stay as they are; {@code clearGroup} makes the view private again. */
    public Shown change(Actor actor, long id, Input in, boolean clearGroup) {
        SavedView view = changeable(actor, id);
        String name = in.name() == null ? view.getName() : in.name().strip();
        Optional<SavedView> same = views.byOwnerAndName(view.getOwner(), name);
        if (same.isPresent() && !same.get().getId().equals(view.getId())) {
            throw new ConflictException("name", "you have a view named '" + name + "' already");
        }
        Long groupId = clearGroup ? null : in.group() == null ? view.getGroupId() : sharedWith(actor, in.group());
        view.change(name, groupId, in.params() == null ? view.getParams() : in.params(), clock.instant());
        return shown(actor, view);
    }

    public void delete(Actor actor, long id) {
        views.remove(changeable(actor, id));
    }

    private SavedView changeable(Actor actor, long id) {
        SavedView view = views.byId(id).orElseThrow(() -> new NotFoundException("view", id));
        if (view.getOwner().equals(actor.username()) || actor.has(Role.ADMIN)) {
            return view;
        }
        boolean seen = view.getGroupId() != null
                && myGroups(actor).stream().anyMatch(g -> g.getId().equals(view.getGroupId()));
        if (!seen) {
            throw new NotFoundException("view", id); // someone else's private view does not exist for the caller
        }
        throw new AccessDeniedException("only the owner of a shared view changes or deletes it");
    }

    private Long sharedWith(Actor actor, String group) {
        if (group == null || group.isBlank()) {
            return null;
        }
        String g = group.strip();
        UserGroup found = (g.length() < 19 && g.chars().allMatch(Character::isDigit)
                ? groups.byId(Long.parseLong(g)) : groups.byName(g))
                .orElseThrow(() -> new InvalidInputException("group", "no group '" + g + "'"));
        if (!actor.has(Role.ADMIN) && myGroups(actor).stream().noneMatch(m -> m.getId().equals(found.getId()))) {
            throw new InvalidInputException("group", "you can share a view only with a group you belong to");
        }
        return found.getId();
    }

    private List<UserGroup> myGroups(Actor actor) {
        Optional<User> user = users.byUsername(actor.username());
        return user.map(groups::ofMember).orElse(List.of());
    }

    private Shown shown(Actor actor, SavedView v) {
        String groupName = v.getGroupId() == null ? null : groups.byId(v.getGroupId()).map(UserGroup::getName).orElse(null);
        return new Shown(v, groupName, v.getOwner().equals(actor.username()) || actor.has(Role.ADMIN));
    }
}
