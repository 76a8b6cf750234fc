package io.beacon.cmdb.application;

import io.beacon.cmdb.domain.CiFields;
import io.beacon.cmdb.domain.CiFilter;
import io.beacon.cmdb.domain.CiInput;
import io.beacon.cmdb.domain.CiRef;
import io.beacon.cmdb.domain.CiRelation;
import io.beacon.cmdb.domain.CiRelations;
import io.beacon.cmdb.domain.ConfigurationItem;
import io.beacon.cmdb.domain.ConfigurationItems;
import io.beacon.cmdb.domain.Reach;
import io.beacon.cmdb.domain.RelationEdge;
import io.beacon.cmdb.domain.RelationType;
import io.beacon.cmdb.domain.Topology;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.domain.StaleVersionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creates, changes and relates configuration items, and walks who depends on whom. */
@ApplicationScoped
@Transactional
public class CmdbService {
    /** Applied to the CMDB view once the transaction commits, before the caller gets its answer. */
    @Inject
    Event<CmdbChange> changed;

    @Inject
    ConfigurationItems items;

    @Inject
    CiRelations relations;

    @Inject
    Clock clock;

    public ConfigurationItem create(CiInput input) {
        CiFields fields = input.validate();
        if (items.idByName(fields.name()).isPresent()) {
            throw new ConflictException("name", "a CI named '" + fields.name() + "' exists already");
        }
        ConfigurationItem item = items.add(new ConfigurationItem(fields, clock.instant()));
        items.flush();
        changed.fire(CmdbChange.ci(item.identity()));
        return item;
    }

    /** A CI by its numeric id or its name. */
    public ConfigurationItem get(String idOrName) {
        return find(idOrName).orElseThrow(() -> new NotFoundException("CI", idOrName));
    }

    private java.util.Optional<ConfigurationItem> find(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return java.util.Optional.empty();
        }
        if (idOrName.chars().allMatch(Character::isDigit) && idOrName.length() < 19) {
            java.util.Optional<ConfigurationItem> byId = items.byId(Long.parseLong(idOrName));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return items.byName(idOrName);
    }

    /** Applies a merge-patch; {@code expectedVersion} (when given) must be the current version. */
    public ConfigurationItem update(String idOrName, CiChanges changes, Long expectedVersion) {
        ConfigurationItem item = get(idOrName);
        if (expectedVersion != null && expectedVersion != item.getVersion()) {
            throw new StaleVersionException("CI " + item.getName(), expectedVersion, item.getVersion());
        }
        CiInput merged = changes.applyTo(item.fields().toInput());
        CiFields fields = merged.validate();
        if (!fields.name().equals(item.getName())) {
            items.idByName(fields.name()).filter(id -> !id.equals(item.getId())).ifPresent(id -> {
                throw new ConflictException("name", "a CI named '" + fields.name() + "' exists already");
            });
        }
        if (item.apply(fields, clock.instant())) {
            items.flush(); // the version moves here: the view keeps the newest state by it
            changed.fire(CmdbChange.ci(item.identity()));
        }
        return item;
    }

    public Page<ConfigurationItem> list(CiFilter filter, PageRequest page) {
        return items.list(filter, page);
    }

    /** Relates {@code source} to a target given by id or by name: "source type target". */
    public CiRelation relate(String sourceIdOrName, String type, Long targetId, String targetName) {
        ConfigurationItem source = get(sourceIdOrName);
        RelationType t = RelationType.fromCode("type", type);
        Long target;
        if (targetId != null) {
            target = items.existingIds(List.of(targetId)).contains(targetId) ? targetId : null;
            if (target == null) {
                throw new InvalidInputException("targetId", "no CI with id " + targetId);
            }
        } else if (targetName != null && !targetName.isBlank()) {
            target = items.idByName(targetName.trim())
                    .orElseThrow(() -> new InvalidInputException("target", "no CI named '" + targetName + "'"));
        } else {
            throw new InvalidInputException("targetId", "give the target CI as targetId or target (its name)");
        }
        CiRelation.check(source.getId(), t, target);
        if (relations.exists(source.getId(), t, target)) {
            throw new ConflictException("targetId", source.getName() + " " + t.code() + " CI " + target
                    + " exists already");
        }
        CiRelation added = relations.add(new CiRelation(source.getId(), t, target));
        changed.fire(CmdbChange.related(new RelationEdge(added.getId(), added.edge())));
        return added;
    }

    public void unrelate(String idOrName, long relationId) {
        ConfigurationItem item = get(idOrName);
        CiRelation r = relations.byId(relationId)
                .filter(x -> x.getSourceId() == item.getId() || x.getTargetId() == item.getId())
                .orElseThrow(() -> new NotFoundException("relation", relationId));
        relations.remove(r);
        changed.fire(CmdbChange.unrelated(r.getId()));
    }

    /** The relations of a CI both ways, each with the CI at the other end. */
    public List<CiLink> linksOf(ConfigurationItem item) {
        List<CiRelation> touching = relations.touching(item.getId());
        Set<Long> others = new HashSet<>();
        touching.forEach(r -> others.add(r.getSourceId() == item.getId() ? r.getTargetId() : r.getSourceId()));
        Map<Long, CiRef> refs = items.refsOf(others);
        List<CiLink> links = new ArrayList<>();
        for (CiRelation r : touching) {
            boolean out = r.getSourceId() == item.getId();
            links.add(new CiLink(r.getId(), r.getType(), out ? CiLink.Direction.OUTGOING : CiLink.Direction.INCOMING,
                    refs.get(out ? r.getTargetId() : r.getSourceId())));
        }
        return links;
    }

    /** Every CI that depends on this one, transitively: one batched query per level of the walk. */
    public List<CiReach> dependants(ConfigurationItem item) {
        return named(Topology.walk(item.getId(), Topology.Direction.DEPENDANTS, relations::edgesInto,
                Integer.MAX_VALUE), item);
    }

    /** Every CI this one depends on, transitively. */
    public List<CiReach> dependencies(ConfigurationItem item) {
        return named(Topology.walk(item.getId(), Topology.Direction.DEPENDENCIES, relations::edgesFrom,
                Integer.MAX_VALUE), item);
    }

    private List<CiReach> named(List<Reach> reaches, ConfigurationItem start) {
        Set<Long> ids = new HashSet<>();
        reaches.forEach(r -> ids.add(r.id()));
        Map<Long, CiRef> refs = new HashMap<>(items.refsOf(ids));
        refs.put(start.getId(), new CiRef(start.getId(), start.getName(), start.getType()));
        List<CiReach> out = new ArrayList<>(reaches.size());
        for (Reach r : reaches) {
            CiRef ref = refs.get(r.id());
            if (ref != null) {
                out.add(new CiReach(ref, r.depth(), r.via(),
                        r.path().stream().map(id -> refs.containsKey(id) ? refs.get(id).name() : String.valueOf(id))
                                .toList()));
            }
        }
        return out;
    }
}
