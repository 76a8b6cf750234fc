package io.beacon.ticket.persistence;

import io.beacon.platform.config.BeaconConfig;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.startup.StartupEvent;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketFilter;
import io.beacon.ticket.domain.TicketHit;
import io.beacon.ticket.domain.TicketSearch;
import io.beacon.ticket.domain.TicketSort;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.engine.search.sort.dsl.SortOrder;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;

/**
 * Ticket search on Hibernate Search: the index is kept in step by Hibernate Search itself when a
 * transaction that changed a ticket commits, and rebuilt from the database on demand, or at start when
 * it was never built (an empty or deleted index directory), in the background.
 */
@ApplicationScoped
public class HibernateTicketSearch implements TicketSearch {
    private static final Logger LOG = Logger.getLogger(HibernateTicketSearch.class.getName());
    /** Written when a rebuild completes: without it, start-up rebuilds. */
    static final String MARKER = "rebuilt-at";
    /** Beyond this many hits the total is a lower bound, and Lucene may skip the rest of the scoring. */
    private static final int EXACT_TOTAL_UP_TO = 10_000;

    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @PersistenceUnit(unitName = "beacon")
    EntityManagerFactory emf;

    @Inject
    BeaconConfig config;

    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private volatile String lastRebuild;

    @Override
    public Page<TicketHit> search(TicketFilter filter, TicketSort sort, PageRequest page, boolean includeInternal) {
        String comments = includeInternal ? TicketSearchMapping.COMMENTS_ALL : TicketSearchMapping.COMMENTS_PUBLIC;
        String text = filter.text().strip();
        SearchResult<List<?>> result = Search.session(em).search(Ticket.class)
                .select(f -> f.composite().from(f.entity(), f.score(), f.highlight("title"), f.highlight("description"),
                        f.highlight(comments)).asList())
                .where(f -> where(f, filter, text, comments))
                .sort(f -> sort(f, sort))
                .highlighter(f -> f.unified().tag("<mark>", "</mark>").encoder(HighlighterEncoder.HTML)
                        .numberOfFragments(2))
                .totalHitCountThreshold(EXACT_TOTAL_UP_TO)
                .fetch(page.offset(), page.size());
        List<TicketHit> hits = new ArrayList<>();
        for (List<?> row : result.hits()) {
            Map<String, List<String>> highlights = new LinkedHashMap<>();
            put(highlights, "title", row.get(2));
            put(highlights, "description", row.get(3));
            put(highlights, "comments", row.get(4));
            hits.add(new TicketHit((Ticket) row.get(0), (Float) row.get(1), highlights));
        }
        long total = result.total().isHitCountExact() ? result.total().hitCount() : result.total().hitCountLowerBound();
        return new Page<>(hits, total, page.page(), page.size());
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, List<String>> highlights, String field, Object fragments) {
        List<String> list = (List<String>) fragments;
        if (list != null && !list.isEmpty()) {
            highlights.put(field, list);
        }
    }

    private static BooleanPredicateClausesStep<?> where(SearchPredicateFactory f, TicketFilter filter, String text,
            String comments) {
        BooleanPredicateClausesStep<?> b = f.bool();
        // Every word must be found (in any field); a Korean word is its pairs of characters, all required.
        b.must(f.simpleQueryString()
                .field("key").boost(10f)
                .field("title").boost(3f).field("title_en").boost(2f)
                .fields("description", "description_en", comments, comments + "_en")
                .matching(text).defaultOperator(BooleanOperator.AND));
        if (filter.types() != null && !filter.types().isEmpty()) {
            b.filter(f.terms().field("type").matchingAny(filter.types()));
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            b.filter(f.terms().field("status").matchingAny(filter.statuses()));
        }
        if (filter.priorities() != null && !filter.priorities().isEmpty()) {
            b.filter(f.terms().field("priority").matchingAny(filter.priorities()));
        }
        if (filter.ciId() != null) {
            b.filter(f.match().field("ciIds").matching(filter.ciId()));
        }
        if (filter.unassigned()) {
            b.filter(f.not(f.exists().field("assignee")));
        } else if (filter.assigneeUsername() != null) {
            b.filter(f.match().field("assignee").matching(filter.assigneeUsername(), ValueModel.INDEX));
        }
        if (filter.groupId() != null) {
            b.filter(f.match().field("group").matching(filter.groupId(), ValueModel.INDEX));
        }
        if (filter.anyOfGroupIds() != null) {
            b.filter(filter.anyOfGroupIds().isEmpty() ? f.matchNone()
                    : f.terms().field("group").matchingAny(filter.anyOfGroupIds(), ValueModel.INDEX));
        }
        // People and groups are indexed as user names and ids (value bridges): compared as such, unconverted.
        // A requester's search: the restriction is part of the query, so ranks and totals are theirs alone.
        if (filter.requesterUsername() != null) {
            b.filter(f.match().field("requester").matching(filter.requesterUsername(), ValueModel.INDEX));
        }
        return b;
    }

    private static SortFinalStep sort(SearchSortFactory f, TicketSort sort) {
        if (sort == null) {
            return f.composite().add(f.score()).add(f.field("createdAt").desc()).add(f.field("idSort").desc());
        }
        String field = switch (sort.field()) {
            case CREATED_AT -> "createdAt";
            case UPDATED_AT -> "updatedAt";
            case PRIORITY -> "priority";
            case STATUS -> "status";
            case KEY -> "idSort";
            case TITLE -> "titleSort";
            case DUE -> throw new IllegalArgumentException("the due order is answered by the database (TicketQueries)");
        };
        SortOrder order = sort.descending() ? SortOrder.DESC : SortOrder.ASC;
        return f.composite().add(f.field(field).order(order)).add(f.field("idSort").order(order));
    }

    @Override
    public boolean rebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        long started = System.nanoTime();
        Path marker = config.dataDir().resolve("search").resolve(MARKER);
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove " + marker, e);
        }
        LOG.info("Rebuilding the ticket search index from the database");
        try {
            List<long[]> ranges = idRanges();
            CompletionStage<?> chain = CompletableFuture.completedFuture(null);
            for (int i = 0; i < ranges.size(); i++) {
                long[] range = ranges.get(i);
                boolean first = i == 0;
                chain = chain.thenCompose(done -> indexer(range, first).start());
            }
            chain.whenComplete((done, failure) -> {
                long ms = (System.nanoTime() - started) / 1_000_000;
                if (failure != null) {
                    LOG.log(Level.SEVERE, "Rebuilding the ticket search index failed after " + ms + " ms", failure);
                    lastRebuild = "failed after " + ms + " ms: " + failure;
                } else {
                    lastRebuild = Instant.now() + " in " + ms + " ms";
                    LOG.info("Ticket search index rebuilt in " + ms + " ms (" + ranges.size() + " id ranges)");
                    try {
                        Files.createDirectories(marker.getParent());
                        Files.writeString(marker, lastRebuild);
                    } catch (IOException e) {
                        LOG.log(Level.WARNING, "Could not write " + marker, e);
                    }
                }
                rebuilding.set(false);
            });
        } catch (RuntimeException e) {
            rebuilding.set(false);
            throw e;
        }
        return true;
    }

    /**
     * Tickets per rebuild step. One mass indexer streams the ids it indexes on one connection; over a
     * whole million tickets its loaders fell behind the stream for longer than MariaDB's
     * net_write_timeout, which then dropped the connection. A range's ids are read whole at once
     * (the fetch size is the range), so no stream stays open while its tickets are loaded.
     */
    static final int RANGE = 10_000;

    /** (after, up to] id bounds of consecutive ranges of {@link #RANGE} tickets, read from the primary key. */
    private List<long[]> idRanges() {
        List<long[]> ranges = new ArrayList<>();
        long after = Long.MIN_VALUE;
        while (true) {
            List<Long> last = em.createQuery("select t.id from Ticket t where t.id > :after order by t.id", Long.class)
                    .setParameter("after", after).setFirstResult(RANGE - 1).setMaxResults(1).getResultList();
            long upTo = last.isEmpty() ? Long.MAX_VALUE : last.get(0);
            ranges.add(new long[] {after, upTo});
            if (last.isEmpty()) {
                return ranges;
            }
            after = upTo;
        }
    }

    /** The mass indexer of one id range; the first one empties the index before it starts. */
    private MassIndexer indexer(long[] range, boolean first) {
        MassIndexer indexer = Search.mapping(emf).scope(Ticket.class).massIndexer()
                .threadsToLoadObjects(2).batchSizeToLoadObjects(100).idFetchSize(RANGE)
                .purgeAllOnStart(first).mergeSegmentsOnFinish(false);
        indexer.type(Ticket.class).reindexOnly("e.id > :after and e.id <= :upTo")
                .param("after", range[0]).param("upTo", range[1]);
        return indexer;
    }

    @Override
    public Status status() {
        long documents = Search.session(em).search(Ticket.class).where(f -> f.matchAll()).fetchTotalHitCount();
        return new Status(documents, rebuilding.get(), lastRebuild);
    }

    /**
     * A missing index (first start, or its directory deleted) is rebuilt after start-up, without delaying
     * readiness; an existing one catches up with the tickets changed in the last {@link #CATCH_UP} (the index
     * is written to disk once a second, so a crash may have left the last changes out of it).
     */
    void rebuildIfMissing(@Observes @Priority(StartupEvent.MONITORING_ACCESS + 10) StartupEvent started) {
        if (!Files.exists(config.dataDir().resolve("search").resolve(MARKER))) {
            rebuild();
        } else {
            catchUp();
        }
    }

    static final java.time.Duration CATCH_UP = java.time.Duration.ofMinutes(10);

    @Resource
    UserTransaction transaction;

    private void catchUp() {
        try {
            int caughtUp = indexNow(() -> em.createQuery("select t from Ticket t where t.updatedAt >= :since", Ticket.class)
                    .setParameter("since", Instant.now().minus(CATCH_UP)).setMaxResults(50_000));
            if (caughtUp > 0) {
                LOG.info("The ticket search index caught up with " + caughtUp + " recently changed ticket(s)");
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "The ticket search index could not catch up with recent changes; POST "
                    + "/api/search/index/rebuild rebuilds it", e);
        }
    }

    /** Indexes these tickets as the database holds them now (changed through another core node). */
    void indexNow(java.util.Collection<Long> ids) throws Exception {
        indexNow(() -> em.createQuery("select t from Ticket t where t.id in :ids", Ticket.class).setParameter("ids", ids));
    }

    /**
     * Loads the query's tickets and indexes them, in a transaction of its own; answers how many. The query is
     * made inside it: outside a transaction the persistence context would be closed before it runs.
     */
    private int indexNow(java.util.function.Supplier<jakarta.persistence.TypedQuery<Ticket>> tickets) throws Exception {
        transaction.begin();
        try {
            List<Ticket> loaded = tickets.get().getResultList();
            var plan = Search.session(em).indexingPlan();
            loaded.forEach(plan::addOrUpdate);
            transaction.commit();
            return loaded.size();
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
    }
}
