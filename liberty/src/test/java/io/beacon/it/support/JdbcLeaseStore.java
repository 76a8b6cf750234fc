package io.beacon.it.support;

import io.beacon.platform.cluster.LeaseRow;
import io.beacon.platform.cluster.LeaseStore;
import io.beacon.platform.cluster.persistence.LeaseStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Beacon's lease statements over one plain JDBC connection: a lease holder outside the server, as a
 * second core node would be. Each change commits on its own (auto-commit) unless the connection is
 * in a transaction, as the fence is.
 */
public final class JdbcLeaseStore implements LeaseStore {
    private final Connection c;

    public JdbcLeaseStore(Connection c) {
        this.c = c;
    }

    @Override
    public Optional<LeaseRow> read(String name) {
        try (PreparedStatement s = statement(LeaseStatements.READ, name); ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(new LeaseRow(r.getString(1), r.getLong(2), r.getLong(3))) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean create(String name, String holder) {
        return update(LeaseStatements.CREATE, name, holder);
    }

    @Override
    public boolean renew(String name, String holder, long epoch) {
        return update(LeaseStatements.RENEW, name, holder, epoch);
    }

    @Override
    public boolean takeOver(String name, String holder, LeaseRow seen) {
        return update(LeaseStatements.TAKE_OVER, holder, name, seen.holder(), seen.epoch(), seen.beat());
    }

    @Override
    public boolean release(String name, String holder, long epoch) {
        return update(LeaseStatements.RELEASE, name, holder, epoch);
    }

    @Override
    public boolean fence(String name, String holder, long epoch) {
        return update(LeaseStatements.FENCE, name, holder, epoch);
    }

    private boolean update(String sql, Object... args) {
        try (PreparedStatement s = statement(sql, args)) {
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private PreparedStatement statement(String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
