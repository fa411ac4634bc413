package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.EmbeddedKafka;
import io.sluice.translator.Problem;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bento's mqtt input and output against a real Mosquitto of each test's own: HTTP producers, SSE consumers, Kafka
 * bridges both ways, user/password, and at-least-once delivery across a failing output.
 */
class MqttTest {

    Mosquitto broker;
    SluiceServer sluice;
    EmbeddedKafka kafka;

    @BeforeEach
    void start() throws Exception {
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0));
    }

    @AfterEach
    void stop() throws Exception {
        sluice.close();
        if (broker != null) {
            broker.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aPostIsPublishedToItsTopicOnceTheBrokerTookIt() throws Exception {
        broker = Mosquitto.start();
        String streams = """
                {"plain":{"input":{"http_server":{"path":"/post"}},
                          "output":{"mqtt":{"urls":["mqtt://127.0.0.1:%1$d"],"topic":"orders","qos":1}}},
                 "routed":{"input":{"http_server":{"path":"/rooms"}},
                           "output":{"mqtt":{"urls":["tcp://127.0.0.1:%1$d"],
                                             "topic":"rooms/${! json(\\"room\\") }/${! meta(\\"floor\\") }",
                                             "retained_interpolated":"${! meta(\\"keep\\") }"}}}}
                """.formatted(broker.port());
        deployed("publish.json", Definitions.streamApi("publish", streams));

        try (Mosquitto.Subscriber orders = broker.subscribe("orders");
             Mosquitto.Subscriber rooms = broker.subscribe("rooms/#")) {
            HttpResponse<String> post = HttpClients.post(sluice.port(), "/publish/post", "hello");
            assertThat(post.statusCode()).isEqualTo(200);
            assertThat(orders.next()).isEqualTo(new Mosquitto.Received("orders", "hello", false, 1));

            assertThat(HttpClients.post(sluice.port(), "/publish/rooms?floor=2&keep=true", "{\"room\":\"kitchen\"}")
                    .statusCode()).isEqualTo(200);
            assertThat(rooms.next()).extracting(Mosquitto.Received::topic, Mosquitto.Received::payload)
                    .containsExactly("rooms/kitchen/2", "{\"room\":\"kitchen\"}");
        }
        // retained_interpolated rendered true: a subscriber that comes later still gets it, flagged retained
        try (Mosquitto.Subscriber late = broker.subscribe("rooms/kitchen/2")) {
            assertThat(late.next()).extracting(Mosquitto.Received::payload, Mosquitto.Received::retained)
                    .containsExactly("{\"room\":\"kitchen\"}", true);
        }
    }

    @Test
    void aPostWhileTheBrokerIsDownIsNotAccepted() throws Exception {
        broker = Mosquitto.start();
        deployed("orders.json", Definitions.streamApi("orders", Definitions.httpIn("/post", "3s"),
                "{\"mqtt\":{\"urls\":[\"" + broker.url() + "\"],\"topic\":\"orders\"}}"));
        assertThat(HttpClients.post(sluice.port(), "/orders/post", "before").statusCode()).isEqualTo(200);

        broker.close();
        long started = System.nanoTime();
        HttpResponse<String> whileDown = HttpClients.post(sluice.port(), "/orders/post", "while-down");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(whileDown.statusCode()).isIn(502, 503);
        assertThat(whileDown.body()).startsWith("{\"error\":\"").contains("MQTT broker");
        assertThat(tookMillis).as("answered within the input's 3s timeout").isLessThan(3000);
        broker = null;
    }

    @Test
    void subscribedMessagesReachAnSseStreamWithTheirTopicAsMetadata() throws Exception {
        broker = Mosquitto.start();
        String streams = """
                {"sensors":{"input":{"mqtt":{"urls":["%s"],"topics":["sensors/+/temp","alerts"]}},
                            "pipeline":{"processors":[{"mapping":"root = meta(\\"mqtt_topic\\") + \\" \\" + content().string() + \\" qos=\\" + meta(\\"mqtt_qos\\")"}]},
                            "output":{"http_server":{"stream_path":"/sse"}}}}
                """.formatted(broker.url());
        deployed("sensors.json", Definitions.streamApi("sensors", streams));

        try (HttpClients.StreamReader sse = new HttpClients.StreamReader(sluice.port(), "/sensors/sse")) {
            assertThat(sse.response.statusCode()).isEqualTo(200);
            broker.publish("sensors/kitchen/temp", "21.5", 1);
            assertThat(sse.lines.poll(20, TimeUnit.SECONDS)).isEqualTo("sensors/kitchen/temp 21.5 qos=1");
            broker.publish("alerts", "smoke", 0);
            assertThat(sse.lines.poll(20, TimeUnit.SECONDS)).isEqualTo("alerts smoke qos=0");
        }
    }

    @Test
    void bridgesKafkaAndMqttBothWays() throws Exception {
        broker = Mosquitto.start();
        kafka = EmbeddedKafka.start(0);
        kafka.createTopic("to-mqtt", 1);
        kafka.createTopic("from-mqtt", 1);
        String streams = """
                {"k2m":{"input":{"kafka":{"addresses":["%1$s"],"topics":["to-mqtt"],"consumer_group":"k2m"}},
                        "output":{"mqtt":{"urls":["%2$s"],"topic":"from-kafka"}}},
                 "m2k":{"input":{"mqtt":{"urls":["%2$s"],"topics":["to-kafka"]}},
                        "output":{"kafka":{"addresses":["%1$s"],"topic":"from-mqtt"}}}}
                """.formatted(kafka.bootstrapServers(), broker.url());
        deployed("bridge.json", Definitions.streamApi("bridge", streams));

        try (Mosquitto.Subscriber fromKafka = broker.subscribe("from-kafka")) {
            KafkaTopics.produce(kafka.bootstrapServers(), "to-mqtt", "record-1");
            assertThat(fromKafka.next()).extracting(Mosquitto.Received::payload).isEqualTo("record-1");
        }

        broker.publish("to-kafka", "reading-1", 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> !records("from-mqtt").isEmpty());
        Record r = records("from-mqtt").get(0);
        assertThat(r.value()).isEqualTo("reading-1");
        assertThat(r.headers()).containsEntry("mqtt_topic", "to-kafka").containsEntry("mqtt_qos", "1")
                .containsEntry("mqtt_retained", "false").containsEntry("mqtt_duplicate", "false")
                .containsKey("mqtt_message_id");
    }

    @Test
    void userAndPasswordLogIn() throws Exception {
        broker = Mosquitto.startWithUser("alice", "s3cret (with a closing parenthesis)");
        deployed("secure.json", Definitions.streamApi("secure", Definitions.httpIn("/post", "5s"),
                "{\"mqtt\":{\"urls\":[\"" + broker.url() + "\"],\"topic\":\"private\",\"user\":\"alice\","
                        + "\"password\":\"s3cret (with a closing parenthesis)\"}}"));
        try (Mosquitto.Subscriber s = broker.subscribe("private")) {
            assertThat(HttpClients.post(sluice.port(), "/secure/post", "for alice").statusCode()).isEqualTo(200);
            assertThat(s.next()).extracting(Mosquitto.Received::payload).isEqualTo("for alice");
        }

        String wrongOutput = "{\"mqtt\":{\"urls\":[\"" + broker.url() + "\"],\"topic\":\"private\",\"user\":\"alice\","
                + "\"password\":\"guess\"}}";
        String wrongInput = "{\"mqtt\":{\"urls\":[\"" + broker.url() + "\"],\"topics\":[\"private\"],\"user\":\"alice\","
                + "\"password\":\"guess\"}}";
        for (String[] io : List.of(new String[] {Definitions.httpIn("/post", "5s"), wrongOutput},
                new String[] {wrongInput, "{\"drop\":{}}"})) {
            ApiDeployer.Outcome refused = sluice.deploy("wrong.json", Definitions.streamApi("wrong", io[0], io[1]));
            assertThat(refused.deployed()).isFalse();
            assertThat(refused.problems()).singleElement().satisfies(p -> {
                assertThat(p.stream()).isEqualTo("default_stream");
                assertThat(p.toString()).contains("wrong.json", "stream 'default_stream'",
                        "cannot connect to the MQTT broker " + broker.url(), "Not authorized");
            });
        }
    }

    @Test
    void aMessageTheOutputCouldNotTakeStaysUnacknowledgedAndArrivesOnceItCan() throws Exception {
        broker = Mosquitto.start();
        kafka = EmbeddedKafka.start(0);
        kafka.createTopic("jobs-done", 1);
        // a persistent session: what this client leaves unacknowledged, the broker keeps and sends again
        String definition = """
                {"jobs":{"input":{"mqtt":{"urls":["%s"],"topics":["jobs"],"qos":1,"clean_session":false,
                                          "client_id":"jobs-%s"}},
                         "output":{"kafka":{"addresses":["%s"],"topic":"jobs-done","timeout":"1s"}}}}
                """.formatted(broker.url(), UUID.randomUUID(), kafka.bootstrapServers());
        ApiDeployer.Outcome first = deployed("jobs.json", Definitions.streamApi("jobs", definition));
        String apiId = first.plan().api().id();
        String inputRoute = "api." + apiId + ".jobs.input";

        broker.publish("jobs", "first", 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> values("jobs-done").contains("first"));

        // The output fails for a while: the message is routed again until it is accepted.
        kafka.stop();
        broker.publish("jobs", "second", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> sluice.camel().getInflightRepository().size(inputRoute) > 0);
        kafka.restart();
        await().atMost(Duration.ofSeconds(60)).until(() -> values("jobs-done").contains("second"));

        // Failing when the stream is undeployed: not acknowledged, so the broker sends it again to the next deployment.
        kafka.stop();
        broker.publish("jobs", "third", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> sluice.camel().getInflightRepository().size(inputRoute) > 0);
        sluice.gateway().undeploy(apiId);
        kafka.restart();
        deployed("jobs.json", Definitions.streamApi("jobs", definition));
        await().atMost(Duration.ofSeconds(60)).until(() -> values("jobs-done").contains("third"));

        // (Mosquitto resends an unacknowledged message on reconnect without the DUP flag, so mqtt_duplicate is false.)
        List<String> values = values("jobs-done");
        assertThat(values).containsSubsequence("first", "second", "third");
        assertThat(Collections.frequency(values, "first")).as("acknowledged once accepted: not sent again").isEqualTo(1);
    }

    private ApiDeployer.Outcome deployed(String file, byte[] definition) {
        ApiDeployer.Outcome outcome = sluice.deploy(file, definition);
        assertThat(outcome.problems()).isEmpty();
        return outcome;
    }

    private List<String> values(String topic) {
        return records(topic).stream().map(Record::value).toList();
    }

    record Record(String value, Map<String, String> headers) {
    }

    /** Every record of the one-partition topic, with its headers as strings. */
    private List<Record> records(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        List<Record> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    Map<String, String> headers = new TreeMap<>();
                    r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                    out.add(new Record(r.value(), headers));
                });
            }
        }
        return out;
    }
}
