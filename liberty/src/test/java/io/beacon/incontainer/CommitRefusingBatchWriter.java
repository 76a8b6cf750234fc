package io.beacon.incontainer;

import io.beacon.event.alarm.application.BatchResult;
import io.beacon.event.alarm.application.EventBatchWriter;
import io.beacon.event.domain.NormalisedEvent;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;

/**
 * The real batch writer, whose transaction cannot commit when the batch holds an event whose
 * reduction key holds {@link #REFUSED}: everything is written and flushed, then the commit
 * fails (a synchronization refuses it), as it does when the database goes away at that moment.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class CommitRefusingBatchWriter extends EventBatchWriter {
    public static final String REFUSED = "in-container-refused:";

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Override
    public BatchResult write(List<NormalisedEvent> events, boolean awaitCorrelation) {
        BatchResult result = super.write(events, awaitCorrelation);
        if (events.stream().anyMatch(e -> e.reductionKey().contains(REFUSED))) {
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    throw new IllegalStateException("the in-container test refuses this commit");
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing to undo: the transaction rolls back
                }
            });
        }
        return result;
    }
}
