package io.sluice.bench.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The baseline for Kafka → SSE: one plain KafkaConsumer thread writes each record as one SSE event to the next
 * connected client in turn (round-robin, as Tyk), through a Vert.x HTTP server. It does not wait for a write
 * to finish before the next record, and commits asynchronously after each poll: the cheapest correct-looking
 * fan-out, with none of Sluice's per-message hand-off.
 */
final class BareSseServer implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final KafkaConsumer<?, byte[]> consumer;
    private final List<HttpServerResponse> clients = new CopyOnWriteArrayList<>();
    /** Signalled when a client subscribes, for a poll loop holding a record back. */
    private final Object connected = new Object();
    private final Thread poller;
    private volatile boolean running = true;

    BareSseServer(Properties consumerProps, String topic) throws Exception {
        consumer = new KafkaConsumer<>(consumerProps);
        consumer.subscribe(List.of(topic));
        server = vertx.createHttpServer()
                .requestHandler(this::subscribe)
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get();
        poller = new Thread(this::pollLoop, "bare-sse-consumer");
        poller.setDaemon(true);
        poller.start();
    }

    int port() {
        return server.actualPort();
    }

    private void subscribe(HttpServerRequest req) {
        HttpServerResponse r = req.response();
        r.setChunked(true).putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-cache");
        r.writeHead();
        r.closeHandler(v -> clients.remove(r));
        clients.add(r);
        synchronized (connected) {
            connected.notifyAll();
        }
    }

    private void pollLoop() {
        int next = 0;
        try {
            while (running) {
                ConsumerRecords<?, byte[]> records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<?, byte[]> record : records) {
                    HttpServerResponse target;
                    synchronized (connected) {
                        // nobody connected: hold the record back rather than drop it, until a client subscribes
                        while ((target = pick(next++)) == null && running) {
                            connected.wait(100);
                        }
                    }
                    if (target != null) {
                        // Safe off the event loop: Vert.x queues the write onto the connection's loop.
                        target.write(Buffer.buffer(record.value().length + 8).appendString("data: ")
                                .appendBytes(record.value()).appendString("\n\n"));
                    }
                }
                if (!records.isEmpty()) {
                    consumer.commitAsync();
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private HttpServerResponse pick(int turn) {
        List<HttpServerResponse> now = clients;
        int n = now.size();
        if (n == 0) {
            return null;
        }
        try {
            return now.get(Math.floorMod(turn, n));
        } catch (IndexOutOfBoundsException e) {
            return null; // a client left between size() and get()
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(10_000);
        server.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
