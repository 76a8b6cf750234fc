package io.beacon.workflows.engine;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;

/**
 * Camunda's job executor on Liberty-managed threads, so that timers and asynchronous steps run with
 * the application's class loader, naming context and transactions (plain threads would not).
 */
class ManagedJobExecutor extends DefaultJobExecutor {
    private final ManagedThreadFactory threads;

    ManagedJobExecutor(ManagedThreadFactory threads, int poolSize) {
        this.threads = threads;
        this.corePoolSize = poolSize;
        this.maxPoolSize = poolSize;
        this.queueSize = 16;
        // An idle executor looks for due jobs at least every 10 s (Camunda's default backs off to 60 s),
        // so SLA and reminder timers fire close to their due time.
        this.maxWait = 10_000;
        this.name = "beacon-jobs";
    }

    @Override
    protected void startExecutingJobs() {
        if (threadPoolExecutor == null || threadPoolExecutor.isShutdown()) {
            threadPoolExecutor = new ThreadPoolExecutor(corePoolSize, maxPoolSize, 60L, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(queueSize), threads);
        }
        startJobAcquisitionThread();
    }

    @Override
    protected void startJobAcquisitionThread() {
        if (jobAcquisitionThread == null) {
            jobAcquisitionThread = threads.newThread(acquireJobsRunnable);
            jobAcquisitionThread.setName(name + "-acquisition");
            jobAcquisitionThread.start();
        }
    }
}
