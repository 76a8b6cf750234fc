package io.beacon.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway before anything touches the database. One set of
 * migrations serves H2 and MariaDB; the few type names that differ come in as placeholders.
 */
@ApplicationScoped
public class DatabaseMigrations {
    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = "jdbc/beacon")
    DataSource dataSource;

    /** Java migrations other modules contribute as CDI beans (e.g. the process engine's tables, V4_1). */
    @Inject
    @Any
    Instance<JavaMigration> contributed;

    public MigrateResult migrate() {
        Dialect dialect = detect();
        // The application's own class loader: Flyway's default one cannot see the WAR on Liberty.
        Flyway flyway = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dialect == Dialect.MARIADB_GALERA ? GaleraSequences.forMigrations(dataSource) : dataSource)
                .locations("classpath:db/migration")
                .placeholders(dialect.placeholders())
                .failOnMissingLocations(true)
                .javaMigrations(contributed.stream().toArray(JavaMigration[]::new))
                .load();
        MigrateResult result = flyway.migrate();
        if (dialect == Dialect.MARIADB_GALERA) {
            try {
                GaleraSequences.dropCaches(dataSource);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not make the sequences Galera accepts: " + e.getMessage(), e);
            }
        }
        LOG.info(() -> "Database " + dialect + " at schema version " + flyway.info().current().getVersion()
                + " (" + result.migrationsExecuted + " migrations applied now)");
        return result;
    }

    private Dialect detect() {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("mariadb") || product.contains("mysql")) {
                return GaleraSequences.isGalera(c) ? Dialect.MARIADB_GALERA : Dialect.MARIADB;
            }
            if (product.contains("h2")) {
                return Dialect.H2;
            }
            throw new IllegalStateException("Unsupported database: " + product + " (Beacon runs on H2 or MariaDB)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
        }
    }

    /** The column types and table options that H2 and MariaDB spell differently. */
    enum Dialect {
        H2(Map.of(
                "timestamp", "TIMESTAMP(6) WITH TIME ZONE",
                "clob", "CLOB",
                // Long texts that are searched with LIKE (H2 cannot LIKE-search a CLOB's whole length).
                "text", "CHARACTER VARYING(1000000)",
                "blob", "BLOB",
                // V8_3 only; V9_3 makes them uncached again, as a cached H2 sequence can repeat values after a kill -9.
                "number_cache", "CACHE 32",
                "id_cache", "NOCACHE",
                "table_options", "")),
        MARIADB(Map.of(
                "timestamp", "DATETIME(6)",
                "clob", "LONGTEXT",
                "text", "MEDIUMTEXT",
                "blob", "LONGBLOB",
                // A cheap row update on MariaDB, and a cache there would skip numbers at every restart.
                "number_cache", "NOCACHE",
                // MariaDB's default: a crash skips the unused rest of a block, never repeats a value.
                "id_cache", "CACHE 1000",
                "table_options", "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci")),
        /** MariaDB in a Galera cluster: it accepts no cached sequence that increments by a step (see GaleraSequences). */
        MARIADB_GALERA(Map.of("number_cache", "NOCACHE", "id_cache", "NOCACHE"));

        private final Map<String, String> placeholders;

        Dialect(Map<String, String> placeholders) {
            this.placeholders = placeholders;
        }

        Map<String, String> placeholders() {
            if (this != MARIADB_GALERA) {
                return placeholders;
            }
            Map<String, String> mariadb = new java.util.HashMap<>(MARIADB.placeholders);
            mariadb.putAll(placeholders); // MariaDB's, with Galera's own sequence caches
            return mariadb;
        }
    }
}
