package io.sluice.bench.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code count} SSE clients on one stream path. Each parses {@code data:} lines carrying
 * {@link SteadyFeed#payload}, notes which message numbers arrived (to count losses and duplicates) and, from
 * {@link #measureFrom} on, records now − sent in µs.
 */
final class SseClients implements AutoCloseable {

    private static final String DATA = "data: ";

    private final HttpClient client;
    private final AtomicIntegerArray seen;
    private final AtomicLongArray perClient;
    private final Recorder latency = new Recorder(3);
    private final LongAdder malformed = new LongAdder();
    /** Signalled on every message received, for {@link #awaitAll}. */
    private final Object arrivals = new Object();
    private volatile int measureFrom = Integer.MAX_VALUE;

    private SseClients(Vertx vertx, int count, int maxMessages) {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(count));
        seen = new AtomicIntegerArray(maxMessages);
        perClient = new AtomicLongArray(count);
    }

    /** Opens {@code count} streams and returns once every one answered 200 with its headers. */
    static SseClients connect(Vertx vertx, int port, String path, int count, int maxMessages) throws Exception {
        SseClients clients = new SseClients(vertx, count, maxMessages);
        RequestOptions get = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
                .setURI(path).putHeader("Accept", "text/event-stream");
        List<Future<?>> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = i;
            opened.add(clients.client.request(get).compose(req -> req.send()).map(resp -> {
                if (resp.statusCode() != 200) {
                    throw new IllegalStateException("SSE client got " + resp.statusCode() + " from " + path);
                }
                RecordParser.newDelimited("\n", resp).handler(line -> clients.onLine(id, line));
                return resp;
            }));
        }
        try {
            Future.all(opened).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            clients.close();
            throw e;
        }
        return clients;
    }

    /** Latencies are recorded for messages numbered {@code seq} and above. */
    void measureFrom(int seq) {
        latency.reset();
        measureFrom = seq;
    }

    /** Waits until messages {@code from .. to-1} all arrived, or the timeout passed; returns how many are missing. */
    int awaitAll(int from, int to, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int missing;
        synchronized (arrivals) {
            long left;
            while ((missing = missing(from, to)) > 0 && (left = deadline - System.nanoTime()) > 0) {
                arrivals.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        return missing;
    }

    int duplicates(int from, int to) {
        int d = 0;
        for (int i = from; i < to; i++) {
            d += Math.max(0, seen.get(i) - 1);
        }
        return d;
    }

    /** Everything recorded since {@link #measureFrom}. */
    Histogram latencyMicros() {
        return latency.getIntervalHistogram();
    }

    long[] perClientCounts() {
        long[] c = new long[perClient.length()];
        for (int i = 0; i < c.length; i++) {
            c[i] = perClient.get(i);
        }
        return c;
    }

    long malformed() {
        return malformed.sum();
    }

    private int missing(int from, int to) {
        int m = 0;
        for (int i = from; i < to; i++) {
            if (seen.get(i) == 0) {
                m++;
            }
        }
        return m;
    }

    private void onLine(int clientId, Buffer line) {
        long now = System.nanoTime();
        String text = line.toString();
        if (!text.startsWith(DATA)) {
            return; // the blank line ending each event, or a comment
        }
        int sp1 = text.indexOf(' ', DATA.length());
        int sp2 = sp1 < 0 ? -1 : text.indexOf(' ', sp1 + 1);
        if (sp2 < 0) {
            malformed.increment();
            return;
        }
        int seq = Integer.parseInt(text, DATA.length(), sp1, 10);
        long sent = Long.parseLong(text, sp1 + 1, sp2, 10);
        if (seq < 0 || seq >= seen.length()) {
            malformed.increment();
            return;
        }
        seen.incrementAndGet(seq);
        synchronized (arrivals) {
            arrivals.notifyAll(); // wakes awaitAll to count again
        }
        if (seq >= measureFrom) {
            latency.recordValue(Math.max(1, (now - sent) / 1_000));
            perClient.incrementAndGet(clientId);
        }
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().join();
    }
}
