package io.beacon.workflows.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jakarta.enterprise.context.Dependent;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Creates the Camunda 7.24 tables with the create scripts that ship inside camunda-engine.jar, so that
 * the process engine's schema is versioned by Flyway like Beacon's own (and the engine never alters the
 * schema at start). H2 runs the h2 scripts; MariaDB the mysql ones, which Camunda runs on MariaDB too.
 * A later Camunda upgrade adds a migration that runs the matching upgrade script. Contributed to
 * Flyway as a CDI bean (class-path scanning does not find Java migrations inside the WAR on Liberty).
 */
@Dependent
public class CamundaTablesMigration implements JavaMigration {
    static final List<String> PARTS = List.of("engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4.1");
    }

    @Override
    public String getDescription() {
        return "camunda engine tables";
    }

    @Override
    public Integer getChecksum() {
        return 7_24_0; // the Camunda version whose create scripts this runs
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String database = database(connection);
        try (Statement statement = connection.createStatement()) {
            for (String part : PARTS) {
                for (String sql : statements(script(database, part))) {
                    statement.execute(sql);
                }
            }
        }
    }

    static String database(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return "h2";
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return "mysql";
        }
        throw new IllegalStateException("No Camunda create script for " + product);
    }

    static String script(String database, String part) throws IOException {
        String name = "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + part + ".sql";
        try (InputStream in = CamundaTablesMigration.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("camunda-engine.jar lacks " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Camunda's scripts hold one statement per ';' at a line end, and whole-line '--' comments. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
