package io.sluice.bench.gateway;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Part 2: Kafka → SSE delivery latency for one server: connect the clients, feed a warm-up until it has all
 * arrived (the consumer has joined its group and caught up), then feed the measured messages at a steady rate
 * and wait for them to drain.
 */
final class SseBench {

    private static final long WARMUP_DRAIN_MS = 30_000;
    private static final long DRAIN_MS = 10_000;

    private final Vertx clientVertx;
    private final SteadyFeed feed;
    private final int clients;
    private final int perSecond;

    SseBench(Vertx clientVertx, SteadyFeed feed, int clients, int perSecond) {
        this.clientVertx = clientVertx;
        this.feed = feed;
        this.clients = clients;
        this.perSecond = perSecond;
    }

    /** One server's figures: latencies of the measured messages, and how delivery went. */
    record Result(Histogram latencyMicros, int sent, long delivered, int missing, int duplicates, long minPerClient,
                  long maxPerClient, long feedFailures, long malformed) {
    }

    Result run(String label, int port, String path, String topic, Duration warmup, Duration measure)
            throws Exception {
        int warm = (int) (perSecond * warmup.toMillis() / 1000);
        int measured = (int) (perSecond * measure.toMillis() / 1000);
        long failuresBefore = feed.failures();
        try (SseClients sse = SseClients.connect(clientVertx, port, path, clients, warm + measured)) {
            feed.send(topic, 0, warm, perSecond);
            int warmMissing = sse.awaitAll(0, warm, WARMUP_DRAIN_MS);
            if (warmMissing > 0) {
                throw new IllegalStateException(label + ": " + warmMissing + " of " + warm
                        + " warm-up messages never reached the SSE clients");
            }
            sse.measureFrom(warm);
            feed.send(topic, warm, measured, perSecond);
            int missing = sse.awaitAll(warm, warm + measured, DRAIN_MS);
            Histogram h = sse.latencyMicros();
            long[] counts = sse.perClientCounts();
            long min = Long.MAX_VALUE;
            long max = 0;
            for (long c : counts) {
                min = Math.min(min, c);
                max = Math.max(max, c);
            }
            GatewayBench.progress(String.format("%s SSE: %d of %d delivered, p50 %.2f ms", label, h.getTotalCount(),
                    measured, h.getValueAtPercentile(50) / 1000.0));
            return new Result(h, measured, h.getTotalCount(), missing, sse.duplicates(warm, warm + measured), min, max,
                    feed.failures() - failuresBefore, sse.malformed());
        }
    }
}
