package io.beacon.workflows.engine;

import io.beacon.process.ProcessSettings;
import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * Builds and owns Beacon's one embedded Camunda engine: on the {@code jdbc/beacon} datasource and
 * Liberty's transaction manager, so that an engine command joins the caller's JTA transaction (a
 * ticket update and the process step it causes commit or roll back together). Starts once the
 * schema is migrated (Flyway creates Camunda's tables too) and before readiness goes UP.
 */
@ApplicationScoped
public class ProcessEngineRuntime {
    private static final Logger LOG = Logger.getLogger(ProcessEngineRuntime.class.getName());
    static final String TRANSACTION_MANAGER = "java:comp/TransactionManager";
    static final String USER_TRANSACTION = "java:comp/UserTransaction";

    @Resource(lookup = "jdbc/beacon")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    BeanManager beanManager;

    @Inject
    ProcessSettings settings;

    private volatile ProcessEngine engine;

    /**
     * Before any other start-up observer, so that those may already start processes and evaluate decisions
     * (Interceptor.Priority.LIBRARY_BEFORE, 1000, ran it after the demo data and the event pipeline).
     */
    void start(@Observes @Priority(StartupEvent.PROCESS_ENGINE) StartupEvent started) {
        long t0 = System.nanoTime();
        JakartaTransactionProcessEngineConfiguration config = EngineConfigurations.beaconDefaults(
                new JakartaTransactionProcessEngineConfiguration(), new CdiBeans(beanManager), settings.history());
        config.setDataSource(dataSource);
        config.setDatabaseType(databaseType());
        config.setTransactionManager(transactionManager());
        config.setTransactionsExternallyManaged(true);
        EngineConfigurations.schemaManagedByFlyway(config);
        config.setJobExecutor(new ManagedJobExecutor(threads, settings.jobThreads()));
        config.setJobExecutorActivate(settings.jobExecutor());
        engine = config.buildProcessEngine();
        long built = System.nanoTime();
        Deployment deployment = ProcessFiles.deploy(engine);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("Process engine started in " + ms + " ms (built " + (built - t0) / 1_000_000 + " ms, deployment "
                + deployment.getId() + " with " + engine.getRepositoryService().createProcessDefinitionQuery()
                .latestVersion().count() + " processes, " + engine.getRepositoryService().createDecisionDefinitionQuery()
                .latestVersion().count() + " decision tables; job executor " + (settings.jobExecutor() ? "on" : "off") + ")");
    }

    @PreDestroy
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    /** The running engine; start-up has finished before any request is served. */
    public ProcessEngine engine() {
        ProcessEngine e = engine;
        if (e == null) {
            throw new IllegalStateException("The process engine is not started yet");
        }
        return e;
    }

    public boolean isStarted() {
        return engine != null;
    }

    /**
     * Camunda 7.24 maps no "MariaDB" product name (MariaDB Connector/J 3 reports that) and has no complete
     * "mariadb" dialect; its mysql dialect and scripts are the ones it runs on MariaDB.
     */
    private String databaseType() {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("mariadb") || product.contains("mysql") ? "mysql" : "h2";
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
        }
    }

    private static TransactionManager transactionManager() {
        try {
            InitialContext naming = new InitialContext();
            return new UserTransactionManager((TransactionManager) naming.lookup(TRANSACTION_MANAGER),
                    (UserTransaction) naming.lookup(USER_TRANSACTION));
        } catch (NamingException e) {
            throw new IllegalStateException("Liberty's transaction manager is not at " + TRANSACTION_MANAGER, e);
        }
    }
}
