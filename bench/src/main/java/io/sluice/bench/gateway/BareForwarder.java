package io.sluice.bench.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The baseline for POST → Kafka: the least a gateway must do. A Vert.x HTTP server (one server instance, as
 * Sluice's platform-http server) hands each body to a KafkaProducer and answers 200 after the broker's ack,
 * 503 if the send failed.
 */
final class BareForwarder implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final KafkaProducer<String, byte[]> producer;
    private final HttpServer server;

    BareForwarder(Properties producerProps, String topic) throws Exception {
        producer = new KafkaProducer<>(producerProps);
        producer.partitionsFor(topic); // metadata now, so the first send cannot block the event loop
        server = vertx.createHttpServer()
                .requestHandler(req -> forward(req, topic))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get();
    }

    int port() {
        return server.actualPort();
    }

    private void forward(HttpServerRequest req, String topic) {
        req.body().onSuccess(body -> producer.send(new ProducerRecord<>(topic, body.getBytes()),
                (meta, error) -> req.response().setStatusCode(error == null ? 200 : 503).end()))
                .onFailure(e -> req.response().setStatusCode(400).end());
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
        producer.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
