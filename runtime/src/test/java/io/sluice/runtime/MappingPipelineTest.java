package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.EmbeddedKafka;
import io.sluice.translator.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bloblang in a stream: a filtering, enriching mapping and a topic and key rendered per message. */
class MappingPipelineTest {

    static EmbeddedKafka kafka;
    static SluiceServer sluice;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(0);
        kafka.createTopic("orders-eu", 1);
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0));
        String streams = """
                {"in":{"input":{"http_server":{"path":"/orders"}},
                  "pipeline":{"processors":[
                    {"mapping":"root = if this.order_value > 1000 { this } else { deleted() }"},
                    {"mutation":"root.priority = \\"high\\"\\nroot.via = meta(\\"http_server_verb\\")"}]},
                  "output":{"kafka":{"addresses":["%s"],"topic":"orders-${! this.region }","key":"${! this.id }"}}}}
                """.formatted(kafka.bootstrapServers());
        assertThat(sluice.deploy("orders.json", Definitions.streamApi("orders", streams)).problems()).isEmpty();
    }

    @AfterAll
    static void stop() {
        sluice.close();
        kafka.close();
    }

    @Test
    void filtersEnrichesAndRoutesPerMessage() throws Exception {
        assertThat(HttpClients.post(sluice.port(), "/orders/orders", "{\"id\":41,\"region\":\"eu\",\"order_value\":10}")
                .statusCode()).as("a filtered message counts as handled").isEqualTo(200);
        assertThat(HttpClients.post(sluice.port(), "/orders/orders", "{\"id\":42,\"region\":\"eu\",\"order_value\":5000}")
                .statusCode()).isEqualTo(200);

        List<String[]> records = read("orders-eu");
        assertThat(records).hasSize(1);
        assertThat(records.get(0)[0]).isEqualTo("42");
        assertThat(records.get(0)[1])
                .isEqualTo("{\"id\":42,\"order_value\":5000,\"priority\":\"high\",\"region\":\"eu\",\"via\":\"POST\"}");
    }

    @Test
    void aBrokenMappingIsReportedWhereItIs() {
        String streams = """
                {"s":{"input":{"http_server":{}},
                  "pipeline":{"processors":[{"mapping":"root = this\\nroot.x = this.y +"}]},
                  "output":{"drop":{}}}}""";
        List<Problem> problems = sluice.deploy("broken.json", Definitions.streamApi("broken", streams)).problems();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.jsonPath()).isEqualTo("/x-tyk-streaming/streams/s/pipeline/processors/0/mapping");
            assertThat(p.message()).startsWith("Bloblang error at mapping line 2, column");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void metadataBecomesKafkaHeadersUnlessExcluded() throws Exception {
        kafka.createTopic("meta-all", 1);
        kafka.createTopic("meta-some", 1);
        String streams = """
                {"all":{"input":{"http_server":{"path":"/all"}},
                        "output":{"kafka":{"addresses":["%1$s"],"topic":"meta-all"}}},
                 "some":{"input":{"http_server":{"path":"/some"}},
                         "output":{"kafka":{"addresses":["%1$s"],"topic":"meta-some",
                                            "metadata":{"exclude_prefixes":["http_server_","Content","Host","User"]}}}}}
                """.formatted(kafka.bootstrapServers());
        assertThat(sluice.deploy("meta.json", Definitions.streamApi("meta", streams)).problems()).isEmpty();
        assertThat(HttpClients.post(sluice.port(), "/meta/all?tenant=t1", "x").statusCode()).isEqualTo(200);
        assertThat(HttpClients.post(sluice.port(), "/meta/some?tenant=t1", "x").statusCode()).isEqualTo(200);

        assertThat(headers("meta-all")).containsEntry("http_server_verb", "POST").containsEntry("tenant", "t1")
                .containsKey("Content-Length");
        assertThat(headers("meta-some")).containsOnlyKeys("tenant");
    }

    /** The headers of the topic's first record, as strings. */
    private static Map<String, String> headers(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (var r : c.poll(Duration.ofMillis(200))) {
                    Map<String, String> out = new TreeMap<>();
                    r.headers().forEach(h -> out.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                    return out;
                }
            }
        }
        throw new AssertionError("no record in " + topic);
    }

    /** key and value of every record of the topic. */
    private static List<String[]> read(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        List<String[]> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(r -> out.add(new String[] {r.key(), r.value()}));
            }
        }
        return out;
    }


    @Test
    void aClientCannotSteerTheKafkaOutputWithCamelHeaders() throws Exception {
        kafka.createTopic("plain", 1);
        kafka.createTopic("hijacked", 1);
        assertThat(sluice.deploy("plain.json", Definitions.streamApi("plain", Definitions.httpIn("/in", "5s"),
                Definitions.kafkaOut(kafka.bootstrapServers(), "plain"))).problems()).isEmpty();
        assertThat(HttpClients.post(sluice.port(), "/plain/in", "m", "kafka.OVERRIDE_TOPIC", "hijacked",
                "kafka.KEY", "forged").statusCode()).isEqualTo(200);
        List<String[]> records = read("plain");
        assertThat(records).hasSize(1);
        assertThat(records.get(0)[0]).as("no key: the output sets none").isNull();
        assertThat(KafkaTopics.readAll(kafka.bootstrapServers(), "hijacked")).isEmpty();
    }
}
