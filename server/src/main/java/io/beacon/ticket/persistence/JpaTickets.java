package io.beacon.ticket.persistence;

import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.startup.Rehearsals;
import io.beacon.ticket.domain.AttachmentContent;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketAttachment;
import io.beacon.ticket.domain.TicketComment;
import io.beacon.ticket.domain.TicketCursor;
import io.beacon.ticket.domain.TicketFilter;
import io.beacon.ticket.domain.TicketHistoryEntry;
import io.beacon.ticket.domain.TicketSort;
import io.beacon.ticket.domain.TicketStatus;
import io.beacon.ticket.domain.TicketType;
import io.beacon.ticket.domain.Tickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;

@ApplicationScoped
public class JpaTickets implements Tickets {
    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Inject
    TicketNumberBlocks numberBlocks;

    @Inject
    Rehearsals rehearsals;

    @Override
    public long reserveNumbers(TicketType type, int count) {
        // A rehearsal's tickets are rolled back: their numbers must be too, or every start would leave a gap.
        return rehearsals.underway() ? numberBlocks.reserveInRehearsal(type, count) : numberBlocks.reserve(type, count);
    }

    @Override
    public Ticket add(Ticket ticket) {
        em.persist(ticket);
        return ticket;
    }

    @Override
    public void indexWithoutWaiting() {
        org.hibernate.search.mapper.orm.Search.session(em)
                .indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.async());
    }

    @Override
    public Optional<Ticket> byId(long id) {
        return Optional.ofNullable(em.find(Ticket.class, id));
    }

    @Override
    public Optional<Ticket> byKey(String key) {
        return em.createQuery("select t from Ticket t where t.key = :k", Ticket.class)
                .setParameter("k", key).getResultStream().findFirst();
    }

    @Override
    public Page<Ticket> find(TicketFilter filter, TicketSort sort, PageRequest page) {
        Where where = where(filter);
        var count = em.createQuery("select count(t) from Ticket t" + where.jpql, Long.class);
        where.bind(count);
        List<Ticket> list;
        if (sort.field() == TicketSort.Field.DUE) {
            list = byDue(filter, sort.descending(), page);
        } else {
            var items = em.createQuery("select t from Ticket t" + where.jpql + " order by " + orderBy(sort), Ticket.class);
            where.bind(items);
            list = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        }
        return new Page<>(list, Page.totalOf(list, page, countable(filter)
                ? () -> counted(filter).values().stream().mapToLong(Long::longValue).sum()
                : count::getSingleResult), page.page(), page.size());
    }

    /**
     * A page in due order: first the tickets whose SLA clock runs (open ones, a bounded set) by their
     * next due time, in the order of ix_ticket_sla_next_due (next_due, ticket_id), then the others by
     * key. Two reads, each in an index's order, instead of one list over every ticket that the
     * database would have to sort whole.
     */
    private List<Ticket> byDue(TicketFilter filter, boolean descending, PageRequest page) {
        String dir = descending ? " desc" : " asc";
        Where running = runningClocks(filter);
        var items = em.createQuery("select t" + FROM_RUNNING_CLOCKS + running.jpql + " order by s.nextDue" + dir + ", s.ticketId" + dir,
                Ticket.class);
        running.bind(items);
        List<Ticket> list = new ArrayList<>(items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList());
        if (list.size() == page.size()) {
            return list;
        }
        // Where the running clocks end: known from this page unless it lies wholly beyond them.
        long withClock = page.offset() + list.size();
        if (list.isEmpty() && page.offset() > 0) {
            var runningCount = em.createQuery("select count(t)" + FROM_RUNNING_CLOCKS + running.jpql, Long.class);
            running.bind(runningCount);
            withClock = runningCount.getSingleResult();
        }
        Where rest = withoutRunningClock(filter);
        var others = em.createQuery("select t from Ticket t" + rest.jpql + " order by t.id" + dir, Ticket.class);
        rest.bind(others);
        list.addAll(others.setFirstResult((int) Math.max(0, page.offset() - withClock))
                .setMaxResults(page.size() - list.size()).getResultList());
        return list;
    }

    /**
     * The page after {@code after} in due order, read from where the last page stopped in the same two
     * index orders: the running clocks beyond its (next due, id), then, once they are used up, the
     * others from their first (or beyond its id, when the last page already lay among them).
     */
    private List<Ticket> byDueAfter(TicketFilter filter, boolean descending, int size, TicketCursor after) {
        String dir = descending ? " desc" : " asc";
        String beyond = descending ? " < " : " > ";
        List<Ticket> list = new ArrayList<>(size);
        if (after.withinRunningClocks()) {
            Where running = runningClocks(filter);
            running.and("(s.nextDue" + beyond + ":afterDue or (s.nextDue = :afterDue and s.ticketId" + beyond + ":afterId))",
                    "afterDue", cursorValue(TicketSort.Field.DUE, after.value()));
            running.params.put("afterId", after.id());
            var items = em.createQuery("select t" + FROM_RUNNING_CLOCKS + running.jpql + " order by s.nextDue" + dir
                    + ", s.ticketId" + dir, Ticket.class);
            running.bind(items);
            list.addAll(items.setMaxResults(size).getResultList());
            if (list.size() == size) {
                return list;
            }
        }
        Where rest = withoutRunningClock(filter);
        if (!after.withinRunningClocks()) {
            rest.and("t.id" + beyond + ":afterId", "afterId", after.id());
        }
        var others = em.createQuery("select t from Ticket t" + rest.jpql + " order by t.id" + dir, Ticket.class);
        rest.bind(others);
        list.addAll(others.setMaxResults(size - list.size()).getResultList());
        return list;
    }

    private static final String FROM_RUNNING_CLOCKS = " from Ticket t join TicketSla s on s.ticketId = t.id";

    /** The filter's tickets whose SLA clock runs (the first part of the due order). */
    private Where runningClocks(TicketFilter filter) {
        Where running = where(filter);
        running.and("s.nextDue is not null", null, null);
        return running;
    }

    /** The filter's tickets without a running SLA clock (the due order's second part). */
    private Where withoutRunningClock(TicketFilter filter) {
        Where rest = where(filter);
        rest.and("not exists (select 1 from TicketSla s where s.ticketId = t.id and s.nextDue is not null)", null, null);
        return rest;
    }

    @Override
    public TicketCursor cursorAfter(Ticket last, TicketSort sort) {
        if (sort.field() != TicketSort.Field.DUE) {
            return TicketCursor.after(last, sort);
        }
        List<Instant> due = em.createQuery("select s.nextDue from TicketSla s where s.ticketId = :id", Instant.class)
                .setParameter("id", last.getId()).getResultList();
        return TicketCursor.afterDue(last.getId(), due.isEmpty() ? null : due.get(0));
    }

    @Override
    public Page<Ticket> find(TicketFilter filter, TicketSort sort, PageRequest page, TicketCursor after) {
        if (after == null) {
            return find(filter, sort, new PageRequest(0, page.size()));
        }
        if (sort.field() == TicketSort.Field.DUE) {
            return new Page<>(byDueAfter(filter, sort.descending(), page.size(), after), -1, 0, page.size());
        }
        Where where = where(filter);
        // (sort value, id) beyond the cursor's, in the list's direction: the index on the sort column
        // (with the id InnoDB appends to it) is read from there on, however deep the page.
        String column = column(sort);
        String beyond = sort.descending() ? " < " : " > ";
        if (sort.field() == TicketSort.Field.KEY) {
            where.and("t.id" + beyond + ":afterId", "afterId", after.id());
        } else {
            where.and("(" + column + beyond + ":afterValue or (" + column + " = :afterValue and t.id" + beyond
                    + ":afterId))", "afterValue", cursorValue(sort.field(), after.value()));
            where.params.put("afterId", after.id());
        }
        var items = em.createQuery("select t from Ticket t" + where.jpql + " order by " + orderBy(sort), Ticket.class);
        where.bind(items);
        List<Ticket> list = items.setMaxResults(page.size()).getResultList();
        // No count: it would read every matching row, which is what a cursor page avoids (the first page tells it).
        return new Page<>(list, -1, 0, page.size());
    }

    private static Object cursorValue(TicketSort.Field field, String value) {
        try {
            return switch (field) {
                case CREATED_AT, UPDATED_AT, DUE -> Instant.parse(value);
                case PRIORITY -> io.beacon.ticket.domain.Priority.valueOf(value);
                case STATUS -> TicketStatus.valueOf(value);
                case KEY, TITLE -> value;
            };
        } catch (RuntimeException malformed) {
            throw new io.beacon.platform.domain.InvalidInputException("after",
                    "must be the next link's token of a list with the same sort");
        }
    }

    @Override
    public Map<TicketStatus, Long> countByStatus(TicketFilter filter) {
        if (countable(filter)) {
            return counted(filter);
        }
        Where where = where(filter);
        var q = em.createQuery("select t.status, count(t) from Ticket t" + where.jpql + " group by t.status", Object[].class);
        where.bind(q);
        Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
        for (TicketStatus s : TicketStatus.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : q.getResultList()) {
            counts.put((TicketStatus) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    @Override
    public TicketComment addComment(TicketComment comment) {
        em.persist(comment);
        // The ticket's index document holds its comments: reindex it when this transaction commits.
        Ticket ticket = em.find(Ticket.class, comment.getTicketId());
        if (ticket != null) {
            org.hibernate.search.mapper.orm.Search.session(em).indexingPlan().addOrUpdate(ticket);
        }
        return comment;
    }

    @Override
    public List<TicketComment> comments(long ticketId, boolean includeInternal) {
        return em.createQuery("select c from TicketComment c where c.ticketId = :t"
                        + (includeInternal ? "" : " and c.internal = false") + " order by c.createdAt, c.id",
                TicketComment.class).setParameter("t", ticketId).getResultList();
    }

    @Override
    public TicketAttachment addAttachment(TicketAttachment attachment, byte[] content) {
        em.persist(attachment);
        em.persist(new AttachmentContent(attachment.getId(), content));
        return attachment;
    }

    @Override
    public List<TicketAttachment> attachments(long ticketId) {
        return em.createQuery("select a from TicketAttachment a where a.ticketId = :t order by a.createdAt, a.id",
                TicketAttachment.class).setParameter("t", ticketId).getResultList();
    }

    @Override
    public Optional<TicketAttachment> attachment(long ticketId, long attachmentId) {
        return Optional.ofNullable(em.find(TicketAttachment.class, attachmentId)).filter(a -> a.getTicketId() == ticketId);
    }

    @Override
    public byte[] attachmentContent(long attachmentId) {
        AttachmentContent c = em.find(AttachmentContent.class, attachmentId);
        return c == null ? new byte[0] : c.getContent();
    }

    @Override
    public void addHistory(List<TicketHistoryEntry> entries) {
        entries.forEach(em::persist);
    }

    @Override
    public List<TicketHistoryEntry> history(long ticketId) {
        return em.createQuery("select h from TicketHistoryEntry h where h.ticketId = :t order by h.changedAt, h.id",
                TicketHistoryEntry.class).setParameter("t", ticketId).getResultList();
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public void touch(long ticketId, Instant at) {
        // A bulk update leaves the version alone: a comment must not make another agent's edit stale.
        em.createQuery("update Ticket t set t.updatedAt = :at where t.id = :id and t.updatedAt < :at")
                .setParameter("at", at).setParameter("id", ticketId).executeUpdate();
    }

    /** Whether the maintained counters (ticket_count: status, type, priority, group) answer a filter's count. */
    private static boolean countable(TicketFilter f) {
        return f.ciId() == null && f.organisationId() == null && f.assigneeUsername() == null && !f.unassigned() && f.requesterUsername() == null
                && (f.text() == null || f.text().isBlank()) && (f.slaStates() == null || f.slaStates().isEmpty());
    }

    /** Counts per status from the maintained counters: a few hundred rows, however many tickets. */
    private Map<TicketStatus, Long> counted(TicketFilter f) {
        Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
        for (TicketStatus s : TicketStatus.values()) {
            counts.put(s, 0L);
        }
        if (f.anyOfGroupIds() != null && f.anyOfGroupIds().isEmpty()) {
            return counts;
        }
        StringBuilder sql = new StringBuilder("SELECT c.status, SUM(c.n) FROM ticket_count c WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.types() != null && !f.types().isEmpty()) {
            sql.append(" AND c.type IN (:types)");
            params.put("types", f.types().stream().map(Enum::name).toList());
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            sql.append(" AND c.status IN (:statuses)");
            params.put("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.priorities() != null && !f.priorities().isEmpty()) {
            sql.append(" AND c.priority IN (:priorities)");
            params.put("priorities", f.priorities().stream().map(Enum::name).toList());
        }
        if (f.groupId() != null) {
            sql.append(" AND c.group_id = :groupId");
            params.put("groupId", f.groupId());
        }
        if (f.anyOfGroupIds() != null) {
            sql.append(" AND c.group_id IN (:groupIds)");
            params.put("groupIds", List.copyOf(f.anyOfGroupIds()));
        }
        Query q = em.createNativeQuery(sql.append(" GROUP BY c.status").toString()).setFlushMode(FlushModeType.COMMIT);
        params.forEach(q::setParameter);
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(TicketStatus.valueOf((String) r[0]), ((Number) r[1]).longValue());
        }
        return counts;
    }

    private static String column(TicketSort sort) {
        return switch (sort.field()) {
            case CREATED_AT -> "t.createdAt";
            case UPDATED_AT -> "t.updatedAt";
            case PRIORITY -> "t.priority";
            case STATUS -> "t.status";
            case KEY -> "t.id";
            case TITLE -> "t.title";
            case DUE -> throw new IllegalStateException("the due order is not a column of the ticket (see byDue)");
        };
    }

    private static String orderBy(TicketSort sort) {
        String dir = sort.descending() ? " desc" : " asc";
        String column = column(sort);
        return sort.field() == TicketSort.Field.KEY ? column + dir : column + dir + ", t.id" + dir;
    }

    private static final Set<TicketStatus> OPEN = EnumSet.copyOf(
            Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen).toList());
    private static final Set<TicketStatus> FINISHED = EnumSet.complementOf(EnumSet.copyOf(OPEN));

    private static Where where(TicketFilter f) {
        Where w = new Where();
        if (f.types() != null && !f.types().isEmpty()) {
            w.and("t.type in :types", "types", List.copyOf(f.types()));
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            // The open (or the finished) ones as a whole are the flag the open queues' indexes hold (V10_16).
            if (f.statuses().equals(OPEN)) {
                w.and("t.open = true", null, null);
            } else if (f.statuses().equals(FINISHED)) {
                w.and("t.open = false", null, null);
            } else {
                w.and("t.status in :statuses", "statuses", List.copyOf(f.statuses()));
            }
        }
        if (f.priorities() != null && !f.priorities().isEmpty()) {
            w.and("t.priority in :priorities", "priorities", List.copyOf(f.priorities()));
        }
        if (f.ciId() != null) {
            w.and(":ci member of t.ciIds", "ci", f.ciId());
        }
        if (f.unassigned()) {
            w.and("t.assignee is null", null, null);
        } else if (f.assigneeUsername() != null) {
            w.and("t.assignee.username = :assignee", "assignee", f.assigneeUsername());
        }
        if (f.groupId() != null) {
            w.and("t.group.id = :groupId", "groupId", f.groupId());
        }
        if (f.anyOfGroupIds() != null) {
            // An empty set means "none of my groups": nothing can match.
            w.and(f.anyOfGroupIds().isEmpty() ? "1 = 0" : "t.group.id in :groupIds", f.anyOfGroupIds().isEmpty()
                    ? null : "groupIds", List.copyOf(f.anyOfGroupIds()));
        }
        if (f.requesterUsername() != null) {
            w.and("t.requester.username = :requester", "requester", f.requesterUsername());
        }
        if (f.organisationId() != null) {
            w.and("t.requester.organisation.id = :organisation", "organisation", f.organisationId());
        }
        if (f.slaStates() != null && !f.slaStates().isEmpty()) {
            String breached = "(s.responseBreached = true or s.resolutionBreached = true)";
            String atRisk = "(s.resolvedAt is null and not " + breached
                    + " and ((s.responseAtRisk = true and s.respondedAt is null) or s.resolutionAtRisk = true))";
            List<String> any = new java.util.ArrayList<>();
            if (f.slaStates().contains(TicketFilter.SLA_AT_RISK)) {
                any.add(atRisk);
            }
            if (f.slaStates().contains(TicketFilter.SLA_BREACHED)) {
                any.add(breached);
            }
            w.and("t.id in (select s.ticketId from TicketSla s where " + String.join(" or ", any) + ")", null, null);
        }
        if (f.text() != null && !f.text().isBlank()) {
            String text = f.text().strip();
            String like = "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            w.and("(lower(t.title) like :text escape '!' or lower(t.description) like :text escape '!'"
                    + " or t.key = :textKey)", "text", like);
            w.params.put("textKey", text.toUpperCase(Locale.ROOT));
        }
        return w;
    }

    /** A WHERE clause and its parameters, built from the filter's parts. */
    private static final class Where {
        private final StringBuilder clause = new StringBuilder();
        private final Map<String, Object> params = new HashMap<>();
        private String jpql = "";

        void and(String condition, String param, Object value) {
            clause.append(clause.length() == 0 ? " where " : " and ").append(condition);
            if (param != null) {
                params.put(param, value);
            }
            jpql = clause.toString();
        }

        void bind(Query q) {
            params.forEach(q::setParameter);
        }
    }
}
