package io.beacon.ticket.persistence;

import io.beacon.identity.domain.UserGroup;
import io.beacon.ticket.domain.Priority;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketStatus;
import io.beacon.ticket.domain.TicketType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Keeps {@code ticket_count} in step with the ticket table: every insert, delete, and change of a
 * ticket's status, type, priority or group adds its difference to the counter rows in the same
 * transaction, through the same connection (so a rolled-back ticket write leaves no count behind).
 * Registered with Hibernate as an integrator (META-INF/services). Writes that go around Hibernate's
 * entity events (bulk JPQL updates of those columns, SQL by hand) must recount: {@link #RECOUNT}.
 */
public class TicketCounts implements Integrator, PostInsertEventListener, PostUpdateEventListener,
        PostDeleteEventListener {
    /** Stripes per counter key: concurrent writers seldom meet on one row. */
    static final int STRIPES = 8;
    /** Rebuilds the counters from the ticket table (after writes around Hibernate). */
    public static final String[] RECOUNT = {
        "DELETE FROM ticket_count",
        "INSERT INTO ticket_count (status, type, priority, group_id, stripe, n)"
                + " SELECT status, type, priority, COALESCE(assignment_group_id, 0), MOD(id, 8), COUNT(*) FROM ticket"
                + " GROUP BY status, type, priority, COALESCE(assignment_group_id, 0), MOD(id, 8)"};

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        EventListenerRegistry events = sessionFactory.getServiceRegistry().getService(EventListenerRegistry.class);
        events.appendListeners(EventType.POST_INSERT, this);
        events.appendListeners(EventType.POST_UPDATE, this);
        events.appendListeners(EventType.POST_DELETE, this);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // nothing held
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        if (event.getEntity() instanceof Ticket t) {
            add(event.getSession(), key(t.getStatus(), t.getType(), t.getPriority(), t.getGroup()), stripe(t.getId()), 1);
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        if (event.getEntity() instanceof Ticket t) {
            add(event.getSession(), key(t.getStatus(), t.getType(), t.getPriority(), t.getGroup()), stripe(t.getId()), -1);
        }
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        if (!(event.getEntity() instanceof Ticket t) || event.getOldState() == null) {
            return;
        }
        String[] names = event.getPersister().getPropertyNames();
        Object[] old = event.getOldState();
        Object[] now = event.getState();
        Object[] before = key((TicketStatus) value(names, old, "status"), (TicketType) value(names, old, "type"),
                (Priority) value(names, old, "priority"), (UserGroup) value(names, old, "group"));
        Object[] after = key((TicketStatus) value(names, now, "status"), (TicketType) value(names, now, "type"),
                (Priority) value(names, now, "priority"), (UserGroup) value(names, now, "group"));
        if (!Arrays.equals(before, after)) {
            int stripe = stripe(t.getId());
            // Always in key order, so that two writers never wait for each other's rows crosswise.
            boolean beforeFirst = Arrays.toString(before).compareTo(Arrays.toString(after)) < 0;
            add(event.getSession(), beforeFirst ? before : after, stripe, beforeFirst ? -1 : 1);
            add(event.getSession(), beforeFirst ? after : before, stripe, beforeFirst ? 1 : -1);
        }
    }

    private static Object value(String[] names, Object[] state, String property) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(property)) {
                return state[i];
            }
        }
        throw new IllegalStateException("Ticket has no property " + property);
    }

    private static Object[] key(TicketStatus status, TicketType type, Priority priority, UserGroup group) {
        return new Object[] {Objects.requireNonNull(status).name(), Objects.requireNonNull(type).name(),
                Objects.requireNonNull(priority).name(), group == null ? 0L : group.getId()};
    }

    static int stripe(Long id) {
        return (int) Math.floorMod(id == null ? 0L : id, (long) STRIPES);
    }

    private static void add(SharedSessionContractImplementor session, Object[] key, int stripe, int delta) {
        Connection c = session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
        try {
            if (update(c, key, stripe, delta) == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket_count (status, type, priority, group_id,"
                        + " stripe, n) VALUES (?, ?, ?, ?, ?, ?)")) {
                    bind(ps, key, stripe);
                    ps.setLong(6, delta);
                    ps.executeUpdate();
                } catch (SQLException raced) {
                    // Another transaction created the row first: add to it.
                    if (update(c, key, stripe, delta) == 0) {
                        throw raced;
                    }
                }
            }
        } catch (SQLException e) {
            throw new HibernateException("Could not count the ticket change", e);
        }
    }

    private static int update(Connection c, Object[] key, int stripe, int delta) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ticket_count SET n = n + ? WHERE status = ? AND type = ?"
                + " AND priority = ? AND group_id = ? AND stripe = ?")) {
            ps.setLong(1, delta);
            ps.setString(2, (String) key[0]);
            ps.setString(3, (String) key[1]);
            ps.setString(4, (String) key[2]);
            ps.setLong(5, (Long) key[3]);
            ps.setInt(6, stripe);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object[] key, int stripe) throws SQLException {
        ps.setString(1, (String) key[0]);
        ps.setString(2, (String) key[1]);
        ps.setString(3, (String) key[2]);
        ps.setLong(4, (Long) key[3]);
        ps.setInt(5, stripe);
    }
}
