package io.beacon.cmdb.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Who depends on whom. An edge "a type b" means a depends on b (trouble of b can hurt a), whatever
 * the type. {@link #walk} is the breadth-first search behind both directions, level by level, so that
 * a caller may feed it one batch of edges per level (from the database) or from memory (this class).
 * Cycle-safe: every CI is reported once, at its smallest depth.
 */
public final class Topology {
    /** Which way to follow the arrows. */
    public enum Direction {
        /** Against the arrows: from a CI to those that depend on it (impact analysis). */
        DEPENDANTS,
        /** Along the arrows: from a CI to what it depends on (root-cause search). */
        DEPENDENCIES
    }

    private final Map<Long, List<Edge>> bySource = new HashMap<>();
    private final Map<Long, List<Edge>> byTarget = new HashMap<>();

    public Topology add(Edge e) {
        bySource.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
        byTarget.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e);
        return this;
    }

    public Topology addAll(Collection<Edge> edges) {
        edges.forEach(this::add);
        return this;
    }

    /** Every CI that depends on {@code id}, directly or through any chain of relations. */
    public List<Reach> dependantsOf(long id) {
        return walk(id, Direction.DEPENDANTS, this::edgesTouching, Integer.MAX_VALUE);
    }

    /** Every CI that {@code id} depends on, directly or through any chain of relations. */
    public List<Reach> dependenciesOf(long id) {
        return walk(id, Direction.DEPENDENCIES, this::edgesTouching, Integer.MAX_VALUE);
    }

    private Collection<Edge> edgesTouching(Set<Long> ids) {
        List<Edge> out = new ArrayList<>();
        for (Long id : ids) {
            out.addAll(bySource.getOrDefault(id, List.of()));
            out.addAll(byTarget.getOrDefault(id, List.of()));
        }
        return out;
    }

    /**
     * Breadth-first from {@code start}. {@code edgesOf} answers, for one level's CIs, at least the
     * edges that lead away from them in the given direction (edges into the CIs for DEPENDANTS,
     * out of them for DEPENDENCIES); any other edges it answers are ignored. Results are ordered by
     * depth, the start itself is not among them.
     */
    public static List<Reach> walk(long start, Direction direction, Function<Set<Long>, Collection<Edge>> edgesOf,
            int maxDepth) {
        Map<Long, Reach> seen = new HashMap<>();
        seen.put(start, new Reach(start, 0, null, List.of(start)));
        List<Reach> result = new ArrayList<>();
        Set<Long> frontier = new LinkedHashSet<>(List.of(start));
        for (int depth = 1; !frontier.isEmpty() && depth <= maxDepth; depth++) {
            Set<Long> next = new LinkedHashSet<>();
            for (Edge e : edgesOf.apply(frontier)) {
                long from = direction == Direction.DEPENDANTS ? e.target() : e.source();
                long to = direction == Direction.DEPENDANTS ? e.source() : e.target();
                if (!frontier.contains(from) || seen.containsKey(to)) {
                    continue;
                }
                List<Long> path = new ArrayList<>(seen.get(from).path());
                path.add(to);
                Reach r = new Reach(to, depth, e.type(), List.copyOf(path));
                seen.put(to, r);
                result.add(r);
                next.add(to);
            }
            frontier = next;
        }
        return result;
    }
}
