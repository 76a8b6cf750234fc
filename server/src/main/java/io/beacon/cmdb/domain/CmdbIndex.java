package io.beacon.cmdb.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CMDB in memory, for the event path: CIs by address, host name and name, and who depends on
 * whom. Changed one CI or one relation at a time (a change costs that CI, never a rebuild); read by
 * many threads without locks.
 *
 * <p>Writers are serialised; readers see each CI whole (its {@link CiIdentity} is replaced in one
 * step, and its new keys are added before its old ones go, so an address moving within a CI never
 * resolves to nothing). An address or name that several CIs share resolves to the lowest id. Writes
 * may arrive out of commit order: a CI state older than the one held is ignored, and a relation
 * once removed is never added back under the same id.
 */
public final class CmdbIndex implements Dependencies {
    private static final long[] NONE = new long[0];

    private final Map<Long, CiIdentity> cis = new ConcurrentHashMap<>();
    private final Map<String, long[]> byIp = new ConcurrentHashMap<>();
    private final Map<String, long[]> byHostname = new ConcurrentHashMap<>();
    private final Map<String, long[]> byShortHostname = new ConcurrentHashMap<>();
    private final Map<String, long[]> byName = new ConcurrentHashMap<>();
    /** Each CI's keys as indexed (normalised once), so that a change finds its old keys without parsing them again. */
    private final Map<Long, Keys> keysOf = new HashMap<>();

    /** Relation edges by source (what a CI depends on) and by target (what depends on it); lists never change. */
    private final Map<Long, List<Edge>> outgoing = new ConcurrentHashMap<>();
    private final Map<Long, List<Edge>> incoming = new ConcurrentHashMap<>();
    private final Map<Long, Edge> relations = new HashMap<>();
    private final Set<Long> removedRelations = new HashSet<>();
    /** Transitive closures computed so far; replaced whole on any relation change. */
    private volatile Closures closures = new Closures();

    private record Closures(Map<Long, Set<Long>> up, Map<Long, Set<Long>> down) {
        Closures() {
            this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    // ---- reading

    /** The CI owning this IP address, in any textual form that normalises to it. */
    public Optional<Long> ciByIp(String ip) {
        if (ip == null) {
            return Optional.empty();
        }
        long[] owners = byIp.get(ip);
        if (owners == null) {
            owners = NetworkAddresses.normaliseIp(ip).map(byIp::get).orElse(null);
        }
        return first(owners);
    }

    /** The CI with this host name (full, then CI name, then short host name; case-insensitive). */
    public Optional<Long> ciByHostOrName(String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.endsWith(".") && h.length() > 1) {
            h = h.substring(0, h.length() - 1);
        }
        Optional<Long> id = first(byHostname.get(h));
        if (id.isEmpty()) {
            id = first(byName.get(h));
        }
        if (id.isEmpty()) {
            Optional<Long> byShort = first(byShortHostname.get(shortName(h)));
            // "10.0.0.1" is no short name of "10.example.com"; parsed only when it matters, as parsing costs
            id = byShort.isPresent() && NetworkAddresses.normaliseIp(h).isEmpty() ? byShort : Optional.empty();
        }
        return id;
    }

    public Optional<CiIdentity> ci(long id) {
        return Optional.ofNullable(cis.get(id));
    }

    /** The name of a CI, or null when the index does not know it. */
    public String nameOf(long id) {
        CiIdentity ci = cis.get(id);
        return ci == null ? null : ci.name();
    }

    public int ciCount() {
        return cis.size();
    }

    public synchronized int relationCount() {
        return relations.size();
    }

    @Override
    public Set<Long> dependenciesOf(long ci) {
        return closure(ci, true);
    }

    @Override
    public Set<Long> dependantsOf(long ci) {
        return closure(ci, false);
    }

    private Set<Long> closure(long ci, boolean up) {
        Closures c = closures; // taken before the walk: a relation change meanwhile discards what we store
        Map<Long, Set<Long>> cache = up ? c.up() : c.down();
        Set<Long> known = cache.get(ci);
        if (known != null) {
            return known;
        }
        Set<Long> walked = walk(ci, up ? outgoing : incoming, up);
        cache.putIfAbsent(ci, walked);
        return walked;
    }

    /** Breadth-first over the in-memory adjacency; cycle-safe. */
    private static Set<Long> walk(long start, Map<Long, List<Edge>> adjacency, boolean up) {
        Set<Long> seen = new HashSet<>();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            long at = queue.poll();
            for (Edge e : adjacency.getOrDefault(at, List.of())) {
                long next = up ? e.target() : e.source();
                if (next != start && seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return Collections.unmodifiableSet(seen);
    }

    // ---- writing

    /**
     * Takes over a CI's committed state, unless a state at least as new is held already. Answers
     * what now resolves to the CI that did not before (empty when nothing new, or when ignored).
     */
    public synchronized AddressClaim put(CiIdentity ci) {
        return put(ci, true);
    }

    private AddressClaim put(CiIdentity ci, boolean claim) {
        CiIdentity old = cis.get(ci.id());
        if (old != null && old.version() >= ci.version()) {
            return new AddressClaim(ci.id(), old.name(), Set.of(), Set.of());
        }
        Keys before = keysOf.getOrDefault(ci.id(), Keys.NONE);
        Keys after = Keys.of(ci);
        Set<String> hadIps = claim ? resolvingTo(ci.id(), before.ips(), byIp) : Set.of();
        Set<String> hadHosts = claim ? resolvingTo(ci.id(), before.hostNames(), null) : Set.of();
        cis.put(ci.id(), ci);
        keysOf.put(ci.id(), after);
        after.index(ci.id(), this);
        before.minus(after).unindex(ci.id(), this);
        if (!claim) {
            return new AddressClaim(ci.id(), ci.name(), Set.of(), Set.of());
        }

        Set<String> ips = new LinkedHashSet<>(resolvingTo(ci.id(), after.ips(), byIp));
        ips.removeAll(hadIps);
        Set<String> hosts = new LinkedHashSet<>(resolvingTo(ci.id(), after.hostNames(), null));
        hosts.removeAll(hadHosts);
        return new AddressClaim(ci.id(), ci.name(), Set.copyOf(ips), Set.copyOf(hosts));
    }

    /** Those of the keys that resolve to this CI now (by IP when {@code map} is given, else by host or name). */
    private Set<String> resolvingTo(long id, Set<String> keys, Map<String, long[]> map) {
        Set<String> out = new LinkedHashSet<>();
        for (String k : keys) {
            Optional<Long> owner = map != null ? first(map.get(k)) : ciByHostOrName(k);
            if (owner.isPresent() && owner.get() == id) {
                out.add(k);
            }
        }
        return out;
    }

    /** Adds a committed relation; answers false when it is known already or was removed since. */
    public synchronized boolean addRelation(RelationEdge relation) {
        if (removedRelations.contains(relation.relationId()) || relations.containsKey(relation.relationId())) {
            return false;
        }
        Edge e = relation.edge();
        relations.put(relation.relationId(), e);
        outgoing.merge(e.source(), List.of(e), CmdbIndex::concat);
        incoming.merge(e.target(), List.of(e), CmdbIndex::concat);
        closures = new Closures();
        return true;
    }

    /** Removes a committed relation (remembered, so that an add of it that arrives late is ignored). */
    public synchronized boolean removeRelation(long relationId) {
        removedRelations.add(relationId);
        Edge e = relations.remove(relationId);
        if (e == null) {
            return false;
        }
        outgoing.computeIfPresent(e.source(), (k, list) -> without(list, e));
        incoming.computeIfPresent(e.target(), (k, list) -> without(list, e));
        closures = new Closures();
        return true;
    }

    /** Takes over a whole CMDB (at start); states and relations already held and newer win. */
    public synchronized void load(Collection<CiIdentity> items, Collection<RelationEdge> edges) {
        items.forEach(ci -> put(ci, false)); // nothing to claim: no event can have waited for them
        edges.forEach(this::addRelation);
    }

    private static List<Edge> concat(List<Edge> a, List<Edge> b) {
        List<Edge> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private static List<Edge> without(List<Edge> list, Edge e) {
        List<Edge> out = new ArrayList<>(list);
        out.remove(e);
        return out.isEmpty() ? null : List.copyOf(out);
    }

    // ---- keys: the strings under which a CI is found

    private record Keys(Set<String> ips, Set<String> hostnames, Set<String> shortHostnames, Set<String> names) {
        static final Keys NONE = new Keys(Set.of(), Set.of(), Set.of(), Set.of());

        static Keys of(CiIdentity ci) {
            Set<String> ips = new HashSet<>();
            ci.ips().forEach(ip -> NetworkAddresses.normaliseIp(ip).ifPresent(ips::add));
            Set<String> hosts = new HashSet<>();
            Set<String> shorts = new HashSet<>();
            if (ci.hostname() != null && !ci.hostname().isBlank()) {
                String h = ci.hostname().trim().toLowerCase(Locale.ROOT);
                hosts.add(h);
                shorts.add(shortName(h));
            }
            Set<String> names = ci.name() == null ? Set.of() : Set.of(ci.name().trim().toLowerCase(Locale.ROOT));
            return new Keys(ips, hosts, shorts, names);
        }

        Set<String> hostNames() {
            Set<String> all = new LinkedHashSet<>(hostnames);
            all.addAll(names);
            all.addAll(shortHostnames);
            return all;
        }

        Keys minus(Keys other) {
            return new Keys(diff(ips, other.ips), diff(hostnames, other.hostnames),
                    diff(shortHostnames, other.shortHostnames), diff(names, other.names));
        }

        private static Set<String> diff(Set<String> a, Set<String> b) {
            Set<String> out = new HashSet<>(a);
            out.removeAll(b);
            return out;
        }

        void index(long id, CmdbIndex into) {
            ips.forEach(k -> into.byIp.merge(k, new long[] {id}, CmdbIndex::union));
            hostnames.forEach(k -> into.byHostname.merge(k, new long[] {id}, CmdbIndex::union));
            shortHostnames.forEach(k -> into.byShortHostname.merge(k, new long[] {id}, CmdbIndex::union));
            names.forEach(k -> into.byName.merge(k, new long[] {id}, CmdbIndex::union));
        }

        void unindex(long id, CmdbIndex from) {
            ips.forEach(k -> from.byIp.computeIfPresent(k, (key, owners) -> minusId(owners, id)));
            hostnames.forEach(k -> from.byHostname.computeIfPresent(k, (key, owners) -> minusId(owners, id)));
            shortHostnames.forEach(k -> from.byShortHostname.computeIfPresent(k, (key, owners) -> minusId(owners, id)));
            names.forEach(k -> from.byName.computeIfPresent(k, (key, owners) -> minusId(owners, id)));
        }
    }

    /** Owners are kept as a sorted array, replaced whole (copy-on-write): the first is the lowest id. */
    private static long[] union(long[] owners, long[] one) {
        long id = one[0];
        if (Arrays.binarySearch(owners, id) >= 0) {
            return owners;
        }
        long[] out = Arrays.copyOf(owners, owners.length + 1);
        out[owners.length] = id;
        Arrays.sort(out);
        return out;
    }

    private static long[] minusId(long[] owners, long id) {
        if (Arrays.binarySearch(owners, id) < 0) {
            return owners;
        }
        long[] out = Arrays.stream(owners).filter(o -> o != id).toArray();
        return out.length == 0 ? null : out;
    }

    private static Optional<Long> first(long[] owners) {
        return owners == null || owners.length == 0 ? Optional.empty() : Optional.of(owners[0]);
    }

    private static String shortName(String host) {
        int dot = host.indexOf('.');
        return dot > 0 ? host.substring(0, dot) : host;
    }
}
