package io.beacon.cmdb.application;

import io.beacon.cmdb.domain.CiFields;
import io.beacon.cmdb.domain.CiIdentity;
import io.beacon.cmdb.domain.CiInput;
import io.beacon.cmdb.domain.CiRelation;
import io.beacon.cmdb.domain.CiRelations;
import io.beacon.cmdb.domain.ConfigurationItem;
import io.beacon.cmdb.domain.ConfigurationItems;
import io.beacon.cmdb.domain.Edge;
import io.beacon.cmdb.domain.RelationEdge;
import io.beacon.cmdb.domain.RelationType;
import io.beacon.platform.domain.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Bulk import of CIs and relations, idempotent by CI name: new names are created, existing items
 * updated only when a value differs, relations added when missing (never removed). Everything is
 * checked in memory first, the existing items are looked up in batched queries, and writes go out
 * in flushed chunks, so that tens of thousands of rows take seconds. A bad row is reported and
 * skipped; it never stops the others.
 */
@ApplicationScoped
public class CiImporter {
    private static final Logger LOG = Logger.getLogger(CiImporter.class.getName());
    static final int CHUNK = 500;

    /** Applied to the CMDB view once the import commits, before its caller gets the answer. */
    @Inject
    Event<CmdbChange> changed;

    @Inject
    ConfigurationItems items;

    @Inject
    CiRelations relations;

    @Inject
    Clock clock;

    /** A row that passed the checks so far. */
    private static final class Pending {
        final CiImportRow row;
        final String name;
        final String key;
        final List<Wanted> links = new ArrayList<>();
        Long existingId;
        Long id;

        Pending(CiImportRow row, String name) {
            this.row = row;
            this.name = name;
            this.key = key(name);
        }
    }

    private record Wanted(RelationType type, String target) {}

    @Transactional
    public ImportResult importItems(List<CiImportRow> rows) {
        long began = System.nanoTime();
        List<ImportResult.Rejected> rejected = new ArrayList<>();
        Map<String, Pending> byKey = new HashMap<>();
        List<Pending> pending = new ArrayList<>();

        // 1. Each row on its own, in memory.
        for (CiImportRow row : rows) {
            String name = row.changes() == null ? null : row.changes().name();
            if (row.error() != null) {
                rejected.add(reject(row, name, row.error()));
                continue;
            }
            name = name == null ? null : name.trim();
            if (name == null || name.isEmpty()) {
                rejected.add(reject(row, null, "name: must not be blank"));
                continue;
            }
            Pending p = new Pending(row, name);
            Pending twin = byKey.get(p.key);
            if (twin != null) {
                rejected.add(reject(row, name, "the name appears already at " + twin.row.locator() + " "
                        + twin.row.position()));
                continue;
            }
            String problem = checkAlone(p);
            if (problem != null) {
                rejected.add(reject(row, name, problem));
                continue;
            }
            byKey.put(p.key, p);
            pending.add(p);
        }

        // 2. Which names exist already: the rows' own and the relation targets, in batched queries.
        Set<String> names = new HashSet<>();
        pending.forEach(p -> {
            names.add(p.name);
            p.links.forEach(w -> names.add(w.target()));
        });
        Map<String, Long> existing = new HashMap<>();
        Map<String, String> existingNames = new HashMap<>();
        items.idsByNames(names).forEach((n, id) -> {
            existing.put(key(n), id);
            existingNames.put(key(n), n);
        });
        for (Pending p : pending) {
            p.existingId = existing.get(p.key);
        }
        pending.removeIf(p -> {
            if (p.existingId == null && !p.row.changes().has("type")) {
                rejected.add(reject(p.row, p.name, "type: must not be blank for a new CI"));
                byKey.remove(p.key);
                return true;
            }
            return false;
        });
        // A row whose relation points nowhere is refused; that may leave others pointing nowhere in turn.
        for (boolean again = true; again; ) {
            again = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                for (Wanted w : p.links) {
                    String k = key(w.target());
                    if (!byKey.containsKey(k) && !existing.containsKey(k)) {
                        rejected.add(reject(p.row, p.name, "relation " + w.type().code() + ": no CI named '"
                                + w.target() + "' in the CMDB or in this import"));
                        byKey.remove(p.key);
                        it.remove();
                        again = true;
                        break;
                    }
                }
            }
        }

        // 3. Create or update the items, chunk by chunk.
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Instant now = clock.instant();
        Map<String, Long> ids = new HashMap<>(existing);
        List<CiIdentity> identities = new ArrayList<>();
        for (int from = 0; from < pending.size(); from += CHUNK) {
            List<Pending> chunk = pending.subList(from, Math.min(pending.size(), from + CHUNK));
            Map<Long, ConfigurationItem> loaded = new HashMap<>();
            List<Long> existingIds = chunk.stream().filter(p -> p.existingId != null).map(p -> p.existingId).toList();
            for (ConfigurationItem ci : items.withDetails(existingIds)) {
                loaded.put(ci.getId(), ci);
            }
            List<ConfigurationItem> added = new ArrayList<>();
            List<Pending> addedFor = new ArrayList<>();
            List<ConfigurationItem> changedHere = new ArrayList<>();
            for (Pending p : chunk) {
                ConfigurationItem current = p.existingId == null ? null : loaded.get(p.existingId);
                try {
                    if (current == null) {
                        CiFields fields = p.row.changes().applyTo(empty(p.name)).validate();
                        added.add(items.add(new ConfigurationItem(fields, now)));
                        addedFor.add(p);
                        created++;
                    } else {
                        // The stored name stays: the row matched it, perhaps in another letter case.
                        CiInput base = current.fields().toInput();
                        CiFields fields = withName(p.row.changes().applyTo(base), current.getName()).validate();
                        if (current.apply(fields, now)) {
                            changedHere.add(current);
                            updated++;
                        } else {
                            unchanged++;
                        }
                        p.id = current.getId();
                    }
                } catch (InvalidInputException e) {
                    rejected.add(reject(p.row, p.name, e.getMessage()));
                    p.id = null;
                }
            }
            items.flushAndClear();
            // Flushed: new CIs have their ids, changed ones their new versions.
            added.forEach(ci -> identities.add(ci.identity()));
            changedHere.forEach(ci -> identities.add(ci.identity()));
            for (int i = 0; i < added.size(); i++) {
                addedFor.get(i).id = added.get(i).getId();
                ids.put(addedFor.get(i).key, added.get(i).getId());
            }
        }

        // 4. The relations that are missing.
        Set<Edge> wanted = new LinkedHashSet<>();
        for (Pending p : pending) {
            if (p.id == null) {
                continue;
            }
            for (Wanted w : p.links) {
                Long target = ids.get(key(w.target()));
                if (target != null && target.longValue() != p.id) {
                    wanted.add(new Edge(p.id, w.type(), target));
                }
            }
        }
        Set<Long> sources = new HashSet<>();
        wanted.forEach(e -> sources.add(e.source()));
        Set<Edge> have = new HashSet<>(relations.edgesFrom(sources));
        int relationsCreated = 0;
        List<RelationEdge> relationsAdded = new ArrayList<>();
        for (Edge e : wanted) {
            if (have.contains(e)) {
                continue;
            }
            CiRelation relation = relations.add(new CiRelation(e.source(), e.type(), e.target()));
            relationsAdded.add(new RelationEdge(relation.getId(), e));
            if (++relationsCreated % CHUNK == 0) {
                items.flushAndClear();
            }
        }
        items.flushAndClear();
        rejected.sort(Comparator.comparingInt(ImportResult.Rejected::position));
        int c = created, u = updated, n = unchanged, r = relationsCreated;
        LOG.info(() -> String.format("CMDB import of %d rows in %d ms: %d created, %d updated, %d unchanged,"
                + " %d relations created, %d rejected", rows.size(), (System.nanoTime() - began) / 1_000_000,
                c, u, n, r, rejected.size()));
        CmdbChange change = new CmdbChange(identities, relationsAdded, List.of());
        if (!change.isEmpty()) {
            changed.fire(change);
        }
        return new ImportResult(created, updated, unchanged, relationsCreated, rejected);
    }

    /** The row's own fields and relations, checked without the database; null when all is well. */
    private static String checkAlone(Pending p) {
        CiChanges c = p.row.changes();
        // The type is checked for real when given; otherwise any type stands in (an existing CI keeps its own).
        CiInput alone = c.applyTo(new CiInput(p.name, "other", null, null, null, null, Map.of()));
        try {
            alone.validate();
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
        for (CiImportRow.Link link : p.row.relations()) {
            RelationType type = RelationType.parse(link.type()).orElse(null);
            if (type == null) {
                return "relation: unknown type '" + link.type() + "'";
            }
            String target = link.target() == null ? "" : link.target().trim();
            if (target.isEmpty()) {
                continue;
            }
            if (key(target).equals(p.key)) {
                return "relation " + type.code() + ": a CI cannot relate to itself";
            }
            p.links.add(new Wanted(type, target));
        }
        return null;
    }

    private static CiInput empty(String name) {
        return new CiInput(name, null, null, null, null, null, Map.of());
    }

    private static CiInput withName(CiInput in, String name) {
        return new CiInput(name, in.type(), in.hostname(), in.ipAddresses(), in.ownerGroup(), in.description(),
                in.attributes());
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static ImportResult.Rejected reject(CiImportRow row, String name, String reason) {
        return new ImportResult.Rejected(row.locator(), row.position(), name, reason);
    }
}
