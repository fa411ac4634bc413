package io.sluice.translator.kafka;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs each task at once on the calling thread. Given to camel-kafka's producer as its worker pool, the exchange
 * completes on the Kafka client's I/O thread when the broker acknowledged, instead of being handed to another
 * pool first: what follows a stream's output is short and never blocks (complete the exchange, enqueue the HTTP
 * reply or release the consumer), so the hand-off would only add latency.
 */
public final class InlineExecutorService extends AbstractExecutorService {

    private volatile boolean shutdown;

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
