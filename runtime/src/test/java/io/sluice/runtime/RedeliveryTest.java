package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.EmbeddedKafka;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At-least-once across a failing output: a record whose output cannot take it is not committed, and is read
 * again until the output recovers (camel-kafka's breakOnFirstError from the last committed offset).
 */
class RedeliveryTest {

    EmbeddedKafka source;
    EmbeddedKafka target;
    SluiceServer sluice;

    @BeforeEach
    void start() throws Exception {
        source = EmbeddedKafka.start(0);
        target = EmbeddedKafka.start(0);
        source.createTopic("in", 1);
        target.createTopic("out", 1);
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0));
        String bridge = "{\"kafka\":{\"addresses\":[\"" + target.bootstrapServers() + "\"],\"topic\":\"out\",\"timeout\":\"1s\"}}";
        assertThat(sluice.deploy("bridge.json", Definitions.streamApi("bridge",
                Definitions.kafkaIn(source.bootstrapServers(), "in", "bridge-group"), bridge)).problems()).isEmpty();
    }

    @AfterEach
    void stop() {
        sluice.close();
        source.close();
        target.close();
    }

    @Test
    void aRecordTheOutputCouldNotTakeIsReadAgainUntilItCan() throws Exception {
        KafkaTopics.produce(source.bootstrapServers(), "in", "first");
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTopics.committed(source.bootstrapServers(), "bridge-group") == 1);

        target.stop();
        KafkaTopics.produce(source.bootstrapServers(), "in", "second");
        // Several failed attempts (1 s budget each) pass without the record being committed.
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> KafkaTopics.committed(source.bootstrapServers(), "bridge-group") == 1);

        target.restart();
        await().atMost(Duration.ofSeconds(60)).until(() -> KafkaTopics.committed(source.bootstrapServers(), "bridge-group") == 2);
        // at-least-once: "second" arrives after "first" (a retried write may, in general, arrive twice)
        assertThat(KafkaTopics.readAll(target.bootstrapServers(), "out")).containsSubsequence("first", "second");
    }
}
