package io.sluice.bench.gateway;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop HTTP/1.1 load generator on loopback: {@code connections} keep-alive connections, each sending the
 * next POST as soon as the previous one was answered. Bounded in time; nothing is queued beyond the connections.
 *
 * <p>It speaks HTTP over Vert.x TCP sockets with a request encoded once, rather than through Vert.x's
 * HttpClient: the generator shares the CPUs with both servers and the broker, and the HttpClient's per-request
 * cost (pool, header objects) would take about half of what the servers get and flatten the ratio.
 */
final class PostLoad implements AutoCloseable {

    private final Vertx vertx;
    private final NetClient net;
    private final int port;
    private final Buffer request;
    private final List<Connection> pool = new ArrayList<>();
    private final LongAdder total200 = new LongAdder();

    PostLoad(Vertx vertx, int port, String path, int connections, byte[] body) {
        this.vertx = vertx;
        this.port = port;
        this.net = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: text/plain\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        this.request = Buffer.buffer(head.getBytes(StandardCharsets.US_ASCII)).appendBytes(body);
        for (int i = 0; i < connections; i++) {
            pool.add(new Connection());
        }
    }

    /** Loads for {@code ramp} unrecorded (connections open, JIT settles), then records a {@code window}. */
    Window run(Duration ramp, Duration window) throws Exception {
        Loop loop = new Loop(System.nanoTime() + ramp.toNanos(), window, pool.size());
        for (Connection c : pool) {
            c.start(loop);
        }
        long limit = ramp.plus(window).toMillis() + 15_000; // Sluice answers every request within its 5 s timeout
        if (!loop.finished.await(limit, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("load loops did not finish within " + limit + " ms");
        }
        return new Window(loop.ok.sum(), loop.errors.sum(), window.toNanos() / 1e9,
                loop.latency.getIntervalHistogram());
    }

    /** Every 200 this generator received, warm-up included: each should be one record in Kafka. */
    long total200() {
        return total200.sum();
    }

    @Override
    public void close() {
        net.close().toCompletionStage().toCompletableFuture().join();
    }

    /** One measurement: 200s and failures completed inside the window, and their latencies in µs. */
    record Window(long ok, long errors, double seconds, Histogram latencyMicros) {
        double throughput() {
            return ok / seconds;
        }
    }

    private static final class Loop {
        final long recordFrom;
        final long stopAt;
        final Recorder latency = new Recorder(3);
        final LongAdder ok = new LongAdder();
        final LongAdder errors = new LongAdder();
        final CountDownLatch finished;

        Loop(long recordFrom, Duration window, int connections) {
            this.recordFrom = recordFrom;
            this.stopAt = recordFrom + window.toNanos();
            this.finished = new CountDownLatch(connections);
        }
    }

    /** One keep-alive connection running one request at a time; all its callbacks run on its own event loop. */
    private final class Connection {
        private final ResponseParser parser = new ResponseParser();
        private volatile NetSocket socket; // read by the thread starting a run, set on the event loop
        private volatile Context context;
        private Loop loop;
        private long sentAt;

        /** Joins {@code loop}, (re)connecting first if needed; returns at once, from any thread. */
        void start(Loop next) {
            if (socket != null) {
                context.runOnContext(v -> begin(next));
                return;
            }
            net.connect(port, "127.0.0.1").onComplete(ar -> {
                if (ar.failed()) {
                    next.errors.increment();
                    next.finished.countDown(); // this connection sits the window out
                    return;
                }
                NetSocket s = ar.result();
                context = vertx.getOrCreateContext(); // the socket's own context, as this runs on it
                parser.reset();
                s.handler(this::onData);
                s.closeHandler(v -> onClosed());
                socket = s;
                begin(next);
            });
        }

        private void begin(Loop next) {
            loop = next;
            send();
        }

        private void send() {
            sentAt = System.nanoTime();
            socket.write(request);
        }

        private void onData(Buffer data) {
            int status = parser.feed(data);
            if (status > 0) {
                finish(status == 200);
            }
        }

        private void onClosed() {
            socket = null;
            if (loop != null) {
                finish(false); // the request in flight is lost; reconnect and go on
            }
        }

        private void finish(boolean ok) {
            long end = System.nanoTime();
            Loop l = loop;
            if (ok) {
                total200.increment();
            }
            if (end >= l.recordFrom && end < l.stopAt) {
                if (ok) {
                    l.latency.recordValue(Math.max(1, (end - sentAt) / 1_000));
                    l.ok.increment();
                } else {
                    l.errors.increment();
                }
            }
            if (end >= l.stopAt) {
                loop = null;
                l.finished.countDown();
            } else if (socket != null) {
                send();
            } else {
                loop = null;
                vertx.setTimer(10, id -> start(l)); // reconnect, without a hot spin against a failing server
            }
        }
    }

    /**
     * Just enough of an HTTP/1.1 response reader for a closed loop: the status, then {@code Content-Length} bytes
     * of body skipped. Chunked replies are not expected from either server and fail loudly.
     */
    static final class ResponseParser {
        private Buffer pending = Buffer.buffer();
        private int status;
        private int bodyLeft = -1;

        void reset() {
            pending = Buffer.buffer();
            status = 0;
            bodyLeft = -1;
        }

        /** @return the status once a whole response was read, else 0 */
        int feed(Buffer data) {
            if (bodyLeft < 0) {
                pending.appendBuffer(data);
                int end = headEnd(pending);
                if (end < 0) {
                    return 0;
                }
                String head = pending.getString(0, end, "US-ASCII");
                status = Integer.parseInt(head.substring(9, 12));
                bodyLeft = contentLength(head);
                int extra = pending.length() - end - 4;
                pending = Buffer.buffer();
                bodyLeft -= extra;
            } else {
                bodyLeft -= data.length();
            }
            if (bodyLeft > 0) {
                return 0;
            }
            int done = status;
            status = 0;
            bodyLeft = -1;
            return done;
        }

        private static int headEnd(Buffer b) {
            for (int i = 0; i + 3 < b.length(); i++) {
                if (b.getByte(i) == '\r' && b.getByte(i + 1) == '\n' && b.getByte(i + 2) == '\r'
                        && b.getByte(i + 3) == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    return Integer.parseInt(line.substring(colon + 1).trim());
                }
                if (name.equalsIgnoreCase("transfer-encoding")) {
                    throw new IllegalStateException("chunked response: " + head);
                }
            }
            return 0;
        }
    }
}
