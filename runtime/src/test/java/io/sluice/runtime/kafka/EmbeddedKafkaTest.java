package io.sluice.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {

    private static final String TOPIC = "orders";

    @Test
    void roundTripsThenSurvivesStopAndRestart() throws Exception {
        Path dataDir;
        long t0 = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0)) {
            System.out.printf("embedded Kafka ready on %s in %d ms%n",
                    kafka.bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            dataDir = kafka.dataDir();
            assertThat(kafka.port()).isPositive();
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());

            kafka.createTopic(TOPIC, 3);
            List<String> sent = IntStream.range(0, 10).mapToObj(i -> "value-" + i).toList();
            try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
                for (int i = 0; i < sent.size(); i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "key-" + i, sent.get(i))).get(10, TimeUnit.SECONDS);
                }
            }
            String group = "g-" + UUID.randomUUID();
            assertThat(consume(kafka, group, 10)).containsExactlyInAnyOrderElementsOf(sent);

            // Kafka down: port closed, a fresh producer cannot even get metadata.
            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            assertThatThrownBy(() -> new Socket("127.0.0.1", kafka.port()).close()).isInstanceOf(IOException.class);
            try (KafkaProducer<String, String> producer = producer(kafka, Map.of(
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000))) {
                // The timeout surfaces either from send() or from its future, depending on the path.
                Throwable failure = catchThrowable(() ->
                        producer.send(new ProducerRecord<>(TOPIC, "while-down")).get(10, TimeUnit.SECONDS));
                assertThat(failure).isNotNull();
            }

            // Back up on the same port with the same data.
            long t1 = System.nanoTime();
            kafka.restart();
            System.out.printf("embedded Kafka restarted in %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1));
            try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
                producer.send(new ProducerRecord<>(TOPIC, "after-restart")).get(10, TimeUnit.SECONDS);
            }
            // The old group resumes after its committed offsets: only the new record.
            assertThat(consume(kafka, group, 1)).containsExactly("after-restart");
            // A new group from the beginning sees everything, old records included.
            List<String> all = new ArrayList<>(sent);
            all.add("after-restart");
            assertThat(consume(kafka, "g-" + UUID.randomUUID(), 11)).containsExactlyInAnyOrderElementsOf(all);
        }
        assertThat(Files.exists(dataDir)).isFalse();
    }

    @Test
    void refusesAPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedKafka.start(port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(String.valueOf(port))
                    .hasMessageContaining("in use");
        }
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafka kafka, Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        config.putAll(extra);
        return new KafkaProducer<>(config);
    }

    /** Polls with a consumer group until {@code expected} values arrived, commits, and returns them. */
    private static List<String> consume(EmbeddedKafka kafka, String group, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
                return values.size() >= expected;
            });
            consumer.commitSync();
            // Nothing more than expected may be waiting.
            consumer.poll(Duration.ofMillis(300)).forEach(r -> values.add(r.value()));
        }
        return values;
    }
}
