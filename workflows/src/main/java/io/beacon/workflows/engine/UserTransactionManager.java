package io.beacon.workflows.engine;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;

/**
 * Liberty's transaction manager as Camunda sees it, except that transactions Camunda begins itself
 * (job executor, start-up work) are begun and ended through {@code UserTransaction}: only then does
 * Liberty end the thread's local transaction containment, so that JPA inside a process step sees the
 * global transaction (a raw {@code TransactionManager.begin()} left JPA with "No active transaction").
 */
final class UserTransactionManager implements TransactionManager {
    private final TransactionManager tm;
    private final UserTransaction ut;

    UserTransactionManager(TransactionManager tm, UserTransaction ut) {
        this.tm = tm;
        this.ut = ut;
    }

    @Override
    public void begin() throws NotSupportedException, SystemException {
        ut.begin();
    }

    @Override
    public void commit() throws RollbackException, HeuristicMixedException, HeuristicRollbackException,
            SecurityException, IllegalStateException, SystemException {
        ut.commit();
    }

    @Override
    public void rollback() throws IllegalStateException, SecurityException, SystemException {
        ut.rollback();
    }

    @Override
    public int getStatus() throws SystemException {
        return tm.getStatus();
    }

    @Override
    public Transaction getTransaction() throws SystemException {
        return tm.getTransaction();
    }

    @Override
    public void resume(Transaction tobj) throws InvalidTransactionException, IllegalStateException, SystemException {
        tm.resume(tobj);
    }

    @Override
    public void setRollbackOnly() throws IllegalStateException, SystemException {
        tm.setRollbackOnly();
    }

    @Override
    public void setTransactionTimeout(int seconds) throws SystemException {
        ut.setTransactionTimeout(seconds);
    }

    @Override
    public Transaction suspend() throws SystemException {
        return tm.suspend();
    }
}
