package io.beacon.workflows.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;

/**
 * Camunda's configuration, built in two steps: {@link #prepare()} does the expensive part of building an engine that
 * needs no tables (parsing its MyBatis mappings, services, deployers, the DMN engine), so that it can run while Flyway
 * still migrates; {@link #buildProcessEngine()} then only creates the engine, which checks the schema and starts the
 * job executor.
 */
class PreparedEngineConfiguration extends JakartaTransactionProcessEngineConfiguration {
    private boolean prepared;

    /** Everything of {@code buildProcessEngine} that does not touch the schema. */
    synchronized void prepare() {
        if (!prepared) {
            init();
            prepared = true;
        }
    }

    @Override
    public synchronized ProcessEngine buildProcessEngine() {
        prepare();
        processEngine = new ProcessEngineImpl(this);
        invokePostProcessEngineBuild(processEngine);
        return processEngine;
    }
}
