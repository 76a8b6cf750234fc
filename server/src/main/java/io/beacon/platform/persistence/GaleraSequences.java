package io.beacon.platform.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Sequences on a MariaDB Galera cluster, which refuses a sequence with a cache unless it increments
 * by 0 (MariaDB 10.11: "CACHE without INCREMENT BY 0 in Galera cluster"), and Hibernate's pooled
 * identifiers need their increment of 50. So on Galera every sequence is NOCACHE: each
 * {@code nextval} is one replicated row change, once per 50 identifiers.
 * <p>
 * The migrations' {@code CREATE SEQUENCE} statements without a cache clause (MariaDB's default is
 * CACHE 1000) are given NOCACHE as Flyway sends them, so the migration files and their checksums
 * stay as they are; after the migrations, sequences a standalone database created with a cache
 * (one converted to Galera) are made NOCACHE.
 */
final class GaleraSequences {
    private static final Logger LOG = Logger.getLogger(GaleraSequences.class.getName());
    /** Flyway sends a statement with the comments before it. */
    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s*(--[^\\n]*(\\n|$)|/\\*.*?\\*/))*\\s*", Pattern.DOTALL);
    private static final Pattern CREATE_SEQUENCE = Pattern.compile("^CREATE\\s+SEQUENCE\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CACHE_CLAUSE = Pattern.compile("\\b(NO)?CACHE\\b", Pattern.CASE_INSENSITIVE);

    private GaleraSequences() {
    }

    /** Whether the connection's server replicates with Galera ({@code wsrep_on}). */
    static boolean isGalera(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW VARIABLES LIKE 'wsrep_on'")) {
            return r.next() && "ON".equalsIgnoreCase(r.getString(2));
        }
    }

    /** The statement as Galera accepts it: a sequence created without a cache clause gets NOCACHE. */
    static String rewrite(String sql) {
        String statement = LEADING_COMMENTS.matcher(sql).replaceFirst("");
        if (!CREATE_SEQUENCE.matcher(statement).find() || CACHE_CLAUSE.matcher(statement).find()) {
            return sql;
        }
        String trimmed = sql.stripTrailing();
        boolean semicolon = trimmed.endsWith(";");
        String body = semicolon ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        return body + " NOCACHE" + (semicolon ? ";" : "");
    }

    /** The data source for Flyway on Galera: its statements pass through {@link #rewrite(String)}. */
    static DataSource forMigrations(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(GaleraSequences.class.getClassLoader(), new Class<?>[] {DataSource.class},
                forward(dataSource, (target, method, args) -> {
                    Object result = method.invoke(target, args);
                    return result instanceof Connection c ? connection(c) : result;
                }));
    }

    /** After the migrations: sequences made with a cache before the database joined a Galera cluster lose it. */
    static void dropCaches(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> sequences = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_type = 'SEQUENCE'")) {
                while (r.next()) {
                    sequences.add(r.getString(1));
                }
            }
            for (String sequence : sequences) {
                long cache;
                try (ResultSet r = s.executeQuery("SELECT cache_size FROM `" + sequence + "`")) {
                    cache = r.next() ? r.getLong(1) : 0;
                }
                if (cache > 0) {
                    s.execute("ALTER SEQUENCE `" + sequence + "` NOCACHE");
                    LOG.info("Galera: sequence " + sequence + " no longer caches (it cached " + cache + ")");
                }
            }
        }
    }

    private static Connection connection(Connection c) {
        return (Connection) Proxy.newProxyInstance(GaleraSequences.class.getClassLoader(), new Class<?>[] {Connection.class},
                forward(c, (target, method, args) -> {
                    Object result = method.invoke(target, args);
                    return result instanceof Statement s && !(result instanceof java.sql.PreparedStatement) ? statement(s) : result;
                }));
    }

    private static Statement statement(Statement s) {
        return (Statement) Proxy.newProxyInstance(GaleraSequences.class.getClassLoader(), new Class<?>[] {Statement.class},
                forward(s, (target, method, args) -> {
                    if (args != null && args.length > 0 && args[0] instanceof String sql
                            && (method.getName().startsWith("execute") || method.getName().equals("addBatch"))) {
                        args = args.clone();
                        args[0] = rewrite(sql);
                    }
                    return method.invoke(target, args);
                }));
    }

    private interface Call {
        Object on(Object target, Method method, Object[] args) throws Exception;
    }

    /** Calls go to the target; its exceptions come out as they were thrown. */
    private static InvocationHandler forward(Object target, Call call) {
        return (proxy, method, args) -> {
            try {
                return call.on(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
