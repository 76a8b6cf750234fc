package io.beacon.platform.health;

import io.beacon.platform.startup.Startup;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when start-up has finished and the database answers within two seconds. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
    @Inject
    Startup startup;

    @Resource(lookup = "jdbc/beacon")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        boolean database;
        try (Connection c = dataSource.getConnection()) {
            database = c.isValid(2);
        } catch (Exception e) {
            database = false;
        }
        return HealthCheckResponse.named("beacon")
                .status(startup.isReady() && database)
                .withData("started", startup.isReady())
                .withData("database", database)
                .build();
    }
}
