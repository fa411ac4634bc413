package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.EmbeddedKafka;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST in through one API, Kafka in between, SSE out of another: the shape of Tyk's Chat Jippity. */
class ProducerConsumerFlowTest {

    static EmbeddedKafka kafka;
    static SluiceServer sluice;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(0);
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0));
        String brokers = kafka.bootstrapServers();
        assertThat(sluice.deploy("producer.json", Definitions.streamApi("flow-chat",
                Definitions.httpIn("/chat", "5s"), Definitions.kafkaOut(brokers, "flow"))).problems()).isEmpty();
        assertThat(sluice.deploy("consumer.json", Definitions.streamApi("flow-discuss",
                Definitions.kafkaIn(brokers, "flow", "flow-group"), Definitions.httpOut("\"stream_path\":\"/sse\""))).problems())
                .isEmpty();
    }

    @AfterAll
    static void stop() {
        sluice.close();
        kafka.close();
    }

    @Test
    void postedMessageArrivesOnTheStream() throws Exception {
        try (HttpClients.StreamReader sse = new HttpClients.StreamReader(sluice.port(), "/flow-discuss/sse")) {
            assertThat(sse.response.statusCode()).isEqualTo(200);
            HttpResponse<String> post = HttpClients.post(sluice.port(), "/flow-chat/chat", "Tell me a joke.");
            assertThat(post.statusCode()).isEqualTo(200);
            assertThat(post.body()).isEmpty();
            assertThat(sse.lines.poll(20, TimeUnit.SECONDS)).isEqualTo("Tell me a joke.");
        }
    }
}
