package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.EmbeddedKafka;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A producer is never told "accepted" for a message the broker did not take. */
class ProducerAcknowledgementTest {

    EmbeddedKafka kafka;
    SluiceServer sluice;

    @BeforeEach
    void start() throws Exception {
        kafka = EmbeddedKafka.start(0);
        kafka.createTopic("orders", 1);
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0));
        assertThat(sluice.deploy("orders.json", Definitions.streamApi("orders",
                Definitions.httpIn("/post", "3s"), Definitions.kafkaOut(kafka.bootstrapServers(), "orders"))).problems())
                .isEmpty();
        assertThat(sluice.deploy("small.json", Definitions.streamApi("small", Definitions.httpIn("/post", "3s"),
                "{\"kafka\":{\"addresses\":[\"" + kafka.bootstrapServers() + "\"],\"topic\":\"orders\",\"max_msg_bytes\":1000}}"))
                .problems()).isEmpty();
    }

    @AfterEach
    void stop() {
        sluice.close();
        kafka.close();
    }

    @Test
    void aMessageTheOutputRefusesIs502() throws Exception {
        HttpResponse<String> tooBig = HttpClients.post(sluice.port(), "/small/post", "x".repeat(5000));
        assertThat(tooBig.statusCode()).isEqualTo(502);
        assertThat(tooBig.body()).startsWith("{\"error\":\"Output rejected the message: ");
        assertThat(KafkaTopics.readAll(kafka.bootstrapServers(), "orders")).isEmpty();
    }

    @Test
    void postWhileTheBrokerIsDownIsNotAccepted() throws Exception {
        assertThat(HttpClients.post(sluice.port(), "/orders/post", "before").statusCode()).isEqualTo(200);

        kafka.stop();
        long started = System.nanoTime();
        HttpResponse<String> whileDown = HttpClients.post(sluice.port(), "/orders/post", "while-down");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(whileDown.statusCode()).isIn(502, 503);
        assertThat(whileDown.body()).startsWith("{\"error\":\"");
        assertThat(tookMillis).as("answered within the input's 3s timeout").isLessThan(3000);

        kafka.restart();
        assertThat(KafkaTopics.readAll(kafka.bootstrapServers(), "orders")).containsExactly("before");
        HttpResponse<String> after = HttpClients.post(sluice.port(), "/orders/post", "after");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(KafkaTopics.readAll(kafka.bootstrapServers(), "orders")).containsExactly("before", "after");
    }
}
