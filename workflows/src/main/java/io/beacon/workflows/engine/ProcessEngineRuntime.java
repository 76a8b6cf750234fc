package io.beacon.workflows.engine;

import io.beacon.process.ProcessSettings;
import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * Builds and owns Beacon's one embedded Camunda engine: on the {@code jdbc/beacon} datasource and
 * Liberty's transaction manager, so that an engine command joins the caller's JTA transaction (a
 * ticket update and the process step it causes commit or roll back together). Starts once the
 * schema is migrated (Flyway creates Camunda's tables too) and before readiness goes UP; the larger part of its
 * build needs no tables and runs beside the migration (start-up time, issue 18).
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

    private volatile CompletableFuture<PreparedEngineConfiguration> preparation;
    private volatile long preparedMillis;

    /**
     * As the application starts, before {@code Startup} (which observes the same event at the default priority)
     * migrates the schema: the engine's schema-free build runs on a thread of its own meanwhile.
     */
    void prepare(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
            Object ignored) {
        CompletableFuture<PreparedEngineConfiguration> prepared = new CompletableFuture<>();
        threads.newThread(() -> {
            try {
                long t0 = System.nanoTime();
                PreparedEngineConfiguration config = configuration();
                config.prepare();
                preparedMillis = (System.nanoTime() - t0) / 1_000_000;
                prepared.complete(config);
            } catch (Throwable e) {
                prepared.completeExceptionally(e);
            }
        }).start();
        preparation = prepared;
    }

    /**
     * Before any other start-up observer, so that those may already start processes and evaluate decisions
     * (Interceptor.Priority.LIBRARY_BEFORE, 1000, ran it after the demo data and the event pipeline).
     */
    void start(@Observes @Priority(StartupEvent.PROCESS_ENGINE) StartupEvent started) {
        long t0 = System.nanoTime();
        PreparedEngineConfiguration config = preparation == null ? configuration() : preparation.join();
        long waited = System.nanoTime();
        engine = config.buildProcessEngine();
        long built = System.nanoTime();
        Deployment deployment = ProcessFiles.deploy(engine);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("Process engine started in " + ms + " ms after the migrations (prepared in " + preparedMillis
                + " ms beside them, waited " + (waited - t0) / 1_000_000 + " ms for that, built " + (built - waited) / 1_000_000
                + " ms, deployment " + deployment.getId() + " with " + engine.getRepositoryService()
                .createProcessDefinitionQuery().latestVersion().count() + " processes, " + engine.getRepositoryService()
                .createDecisionDefinitionQuery().latestVersion().count() + " decision tables; job executor "
                + (settings.jobExecutor() ? "on" : "off") + ")");
    }

    private PreparedEngineConfiguration configuration() {
        PreparedEngineConfiguration config = EngineConfigurations.beaconDefaults(new PreparedEngineConfiguration(),
                new CdiBeans(beanManager), settings.history());
        config.setDataSource(dataSource);
        config.setDatabaseType(databaseType());
        config.setTransactionManager(transactionManager());
        config.setTransactionsExternallyManaged(true);
        EngineConfigurations.schemaManagedByFlyway(config);
        config.setJobExecutor(new ManagedJobExecutor(threads, settings.jobThreads()));
        config.setJobExecutorActivate(settings.jobExecutor());
        return config;
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
