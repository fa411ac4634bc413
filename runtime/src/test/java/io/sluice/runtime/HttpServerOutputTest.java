package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code http_server} output's three client protocols, fed from a real Kafka topic. */
class HttpServerOutputTest {

    static EmbeddedKafka kafka;
    static SluiceServer sluice;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(0);
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        sluice.close();
        kafka.close();
    }

    /** A consumer API named {@code name} reading topic {@code name} into an http_server output. */
    private static void consumerApi(String name, String outputFields) {
        kafka.createTopic(name, 1);
        var outcome = sluice.deploy(name + ".json", Definitions.streamApi(name,
                Definitions.kafkaIn(kafka.bootstrapServers(), name, name + "-group"), Definitions.httpOut(outputFields)));
        assertThat(outcome.problems()).isEmpty();
    }

    @Test
    void eventSourceFramesEachLineAndSendsHeartbeats() throws Exception {
        consumerApi("sse", "\"stream_path\":\"/events\",\"stream_format\":\"event_source\",\"heartbeat\":\"200ms\"");
        try (HttpClients.StreamReader sse = new HttpClients.StreamReader(sluice.port(), "/sse/events")) {
            assertThat(sse.response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
            assertThat(sse.response.headers().firstValue("Cache-Control")).hasValue("no-cache");
            KafkaTopics.produce(kafka.bootstrapServers(), "sse", "first line\nsecond line", "{\"n\":2}");
            List<String> lines = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                sse.lines.drainTo(lines);
                return lines.stream().filter(l -> l.startsWith("data: ")).count() >= 3
                        && lines.contains(": heartbeat");
            });
            // SSE events end with a blank line; heartbeats are comment events that may fall between messages
            List<String> events = Arrays.stream(String.join("\n", lines).split("\n\n"))
                    .map(String::strip).filter(e -> !e.isEmpty() && !e.equals(": heartbeat")).toList();
            assertThat(events).containsExactly("data: first line\ndata: second line", "data: {\"n\":2}");
        }
    }

    @Test
    void webSocketGetsOneFramePerMessage() throws Exception {
        consumerApi("wsout", "\"ws_path\":\"/ws\",\"ws_message_type\":\"text\"");
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket ws = HttpClients.CLIENT.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + sluice.port() + "/wsout/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        frames.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        KafkaTopics.produce(kafka.bootstrapServers(), "wsout", "one", "two", "three");
        assertThat(List.of(frames.poll(20, TimeUnit.SECONDS), frames.poll(5, TimeUnit.SECONDS),
                frames.poll(5, TimeUnit.SECONDS))).containsExactly("one", "two", "three");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }

    @Test
    void webSocketClientsArePingedAndStayConnectedWhileTheyAnswer() throws Exception {
        consumerApi("wsping", "\"ws_path\":\"/ws\",\"ping_period\":\"200ms\",\"pong_wait\":\"2s\"");
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        WebSocket ws = HttpClients.CLIENT.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + sluice.port() + "/wsping/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
                        events.add("ping");
                        webSocket.request(1);
                        return null; // the JDK client answers with a pong itself
                    }

                    @Override
                    public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
                        events.add("frame");
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 12; i++) { // 12 pings at 200 ms: past the 2 s pong_wait
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("ping");
        }
        // The connection is still served because the client answered every ping.
        KafkaTopics.produce(kafka.bootstrapServers(), "wsping", "still here");
        await().atMost(Duration.ofSeconds(20)).until(() -> events.contains("frame"));
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }

    @Test
    void longPollGetsOneMessageOr408() throws Exception {
        consumerApi("poll", "\"path\":\"/next\",\"timeout\":\"1s\"");
        HttpResponse<String> empty = HttpClients.get(sluice.port(), "/poll/next");
        assertThat(empty.statusCode()).isEqualTo(408);
        assertThat(empty.body()).isEqualTo("{\"error\":\"Timed out waiting for message\"}");

        var waiting = HttpClients.getAsync(sluice.port(), "/poll/next");
        KafkaTopics.produce(kafka.bootstrapServers(), "poll", "hello");
        HttpResponse<String> got = waiting.get(20, TimeUnit.SECONDS);
        if (got.statusCode() == 408) { // the message arrived after that GET timed out: the next GET gets it
            got = HttpClients.get(sluice.port(), "/poll/next");
        }
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("hello");
        assertThat(got.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    }

    @Test
    void connectedClientsTakeTurns() throws Exception {
        consumerApi("turns", "\"stream_path\":\"/s\"");
        try (HttpClients.StreamReader a = new HttpClients.StreamReader(sluice.port(), "/turns/s");
             HttpClients.StreamReader b = new HttpClients.StreamReader(sluice.port(), "/turns/s")) {
            String[] sent = new String[10];
            for (int i = 0; i < sent.length; i++) {
                sent[i] = "m" + i;
            }
            KafkaTopics.produce(kafka.bootstrapServers(), "turns", sent);
            List<String> gotA = new ArrayList<>();
            List<String> gotB = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                a.lines.drainTo(gotA);
                b.lines.drainTo(gotB);
                return gotA.size() + gotB.size() >= sent.length;
            });
            List<String> all = new ArrayList<>(gotA);
            all.addAll(gotB);
            assertThat(new HashSet<>(all)).containsExactlyInAnyOrder(sent); // each message to exactly one client
            assertThat(all).hasSize(sent.length);
            assertThat(gotA.size()).isBetween(3, 7); // both clients are served, in turn
            assertThat(gotB.size()).isBetween(3, 7);
        }
    }

    @Test
    void withNoClientTheInputWaitsAndCommitsNothing() throws Exception {
        consumerApi("held", "\"stream_path\":\"/s\"");
        KafkaTopics.produce(kafka.bootstrapServers(), "held", "a", "b", "c");
        // each look at the committed offset is an admin call: leave room for a slow machine around the 2 s window
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15))
                .until(() -> KafkaTopics.committed(kafka.bootstrapServers(), "held-group") == 0);
        try (HttpClients.StreamReader late = new HttpClients.StreamReader(sluice.port(), "/held/s")) {
            assertThat(List.of(late.lines.poll(40, TimeUnit.SECONDS), late.lines.poll(10, TimeUnit.SECONDS),
                    late.lines.poll(10, TimeUnit.SECONDS))).containsExactly("a", "b", "c");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> KafkaTopics.committed(kafka.bootstrapServers(), "held-group") == 3);
        }
    }

    @Test
    void unknownStreamPathIs404() throws Exception {
        consumerApi("paths", "\"stream_path\":\"/get/stream\"");
        HttpResponse<String> typo = HttpClients.get(sluice.port(), "/paths/get/steam");
        assertThat(typo.statusCode()).isEqualTo(404);
        assertThat(typo.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(typo.body()).startsWith("{\"error\":\"").contains("/get/steam");
    }

}
