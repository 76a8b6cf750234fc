package io.beacon.workflows.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs model work in a transaction of its own: a deployment commits before instances migrate to it, and a
 * migration the engine refuses (which marks its transaction for rollback) undoes only itself.
 */
@ApplicationScoped
public class ModelTransactions {
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNew(Supplier<T> work) {
        return work.get();
    }
}
