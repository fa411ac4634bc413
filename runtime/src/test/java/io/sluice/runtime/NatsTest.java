package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.sluice.runtime.config.SluiceConfig;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bento's nats and nats_jetstream inputs and outputs against a test-owned nats-server. */
class NatsTest {

    static NatsServer nats;
    static SluiceServer sluice;
    static Connection client;

    @BeforeAll
    static void start() throws Exception {
        nats = NatsServer.start();
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0));
        client = Nats.connect(nats.url());
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        sluice.close();
        nats.close();
    }

    @Test
    void natsMessagesStreamAsServerSentEventsWithTheirSubjectAndHeaders() throws Exception {
        String streams = """
                {"s":{"input":{"nats":{"urls":["%s"],"subject":"chat.*"}},
                      "pipeline":{"processors":[{"mapping":"root.text = content().string()\\nroot.subject = meta(\\"nats_subject\\")\\nroot.trace = meta(\\"X-Trace\\")"}]},
                      "output":{"http_server":{"stream_path":"/sse","stream_format":"event_source"}}}}
                """.formatted(nats.url());
        assertThat(sluice.deploy("nats-sse.json", Definitions.streamApi("nats-sse", streams)).problems()).isEmpty();
        nats.awaitSubscription("chat.*");

        try (HttpClients.StreamReader sse = new HttpClients.StreamReader(sluice.port(), "/nats-sse/sse")) {
            assertThat(sse.response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
            Headers headers = new Headers().add("X-Trace", "t-1");
            client.publish(NatsMessage.builder().subject("chat.room1").headers(headers)
                    .data("hello".getBytes(StandardCharsets.UTF_8)).build());
            assertThat(sse.lines.poll(20, TimeUnit.SECONDS))
                    .isEqualTo("data: {\"subject\":\"chat.room1\",\"text\":\"hello\",\"trace\":\"t-1\"}");
        }
    }

    @Test
    void aPostIsPublishedToItsInterpolatedSubjectWithHeaders() throws Exception {
        Subscription sub = client.subscribe("orders.>");
        client.flush(Duration.ofSeconds(5));
        String output = """
                {"nats":{"urls":["%s"],"subject":"orders.${! this.region }",
                         "headers":{"X-Region":"${! this.region }","X-Static":"yes"},
                         "metadata":{"include_prefixes":["http_server_verb"]}}}""".formatted(nats.url());
        assertThat(sluice.deploy("nats-post.json", Definitions.streamApi("nats-post", Definitions.httpIn("/orders", "5s"),
                output)).problems()).isEmpty();

        HttpResponse<String> post = HttpClients.post(sluice.port(), "/nats-post/orders", "{\"region\":\"eu\"}");
        assertThat(post.statusCode()).isEqualTo(200);

        Message received = sub.nextMessage(Duration.ofSeconds(10));
        assertThat(received).isNotNull();
        assertThat(received.getSubject()).isEqualTo("orders.eu");
        assertThat(new String(received.getData(), StandardCharsets.UTF_8)).isEqualTo("{\"region\":\"eu\"}");
        assertThat(received.getHeaders().getFirst("X-Region")).isEqualTo("eu");
        assertThat(received.getHeaders().getFirst("X-Static")).isEqualTo("yes");
        assertThat(received.getHeaders().getFirst("http_server_verb")).isEqualTo("POST");
        assertThat(received.getHeaders().keySet()).as("only the metadata that include_prefixes selects")
                .containsExactlyInAnyOrder("X-Region", "X-Static", "http_server_verb");
        sub.unsubscribe();
    }

    @Test
    void aPostWhileTheNatsServerIsDownIsNotAccepted() throws Exception {
        NatsServer throwaway = NatsServer.start();
        try {
            assertThat(sluice.deploy("nats-down.json", Definitions.streamApi("nats-down", Definitions.httpIn("/post", "3s"),
                    "{\"nats\":{\"urls\":[\"" + throwaway.url() + "\"],\"subject\":\"down\"}}")).problems()).isEmpty();
            assertThat(HttpClients.post(sluice.port(), "/nats-down/post", "while-up").statusCode()).isEqualTo(200);
        } finally {
            throwaway.close();
        }
        long started = System.nanoTime();
        HttpResponse<String> whileDown = HttpClients.post(sluice.port(), "/nats-down/post", "while-down");
        assertThat(whileDown.statusCode()).isEqualTo(503);
        assertThat(whileDown.body()).startsWith("{\"error\":\"Output unavailable: ");
        assertThat((System.nanoTime() - started) / 1_000_000).as("answered within the input's timeout").isLessThan(3000);
        sluice.gateway().undeploy("nats-down");
    }

    @Test
    void aJetStreamPostIsAnsweredOnlyOnceTheStreamStoredIt() throws Exception {
        JetStreamManagement jsm = client.jetStreamManagement();
        jsm.addStream(StreamConfiguration.builder().name("POSTS").subjects("posts.>").storageType(StorageType.File).build());
        String streams = """
                {"stored":{"input":{"http_server":{"path":"/stored","timeout":"3s"}},
                           "output":{"nats_jetstream":{"urls":["%1$s"],"subject":"posts.${! this.kind }"}}},
                 "unstored":{"input":{"http_server":{"path":"/unstored","timeout":"3s"}},
                             "output":{"nats_jetstream":{"urls":["%1$s"],"subject":"nowhere.${! this.kind }"}}}}
                """.formatted(nats.url());
        assertThat(sluice.deploy("js-post.json", Definitions.streamApi("js-post", streams)).problems()).isEmpty();

        assertThat(HttpClients.post(sluice.port(), "/js-post/stored", "{\"kind\":\"note\"}").statusCode()).isEqualTo(200);
        // answered after the PubAck: the stream holds the message by the time the client has its 200
        assertThat(jsm.getStreamInfo("POSTS").getStreamState().getMsgCount()).isEqualTo(1);
        assertThat(jsm.getMessage("POSTS", 1).getSubject()).isEqualTo("posts.note");

        HttpResponse<String> refused = HttpClients.post(sluice.port(), "/js-post/unstored", "{\"kind\":\"note\"}");
        assertThat(refused.statusCode()).as(refused.body()).isIn(502, 503);
        assertThat(refused.body()).startsWith("{\"error\":\"");
    }

    @Test
    void aJetStreamMessageTheOutputCouldNotTakeIsDeliveredAgainUntilItCan() throws Exception {
        JetStreamManagement jsm = client.jetStreamManagement();
        jsm.addStream(StreamConfiguration.builder().name("ORDERS").subjects("js-orders.>").build());
        for (int i = 1; i <= 3; i++) {
            client.jetStream().publish("js-orders." + i, ("order-" + i).getBytes(StandardCharsets.UTF_8));
        }
        String streams = """
                {"bridge":{"input":{"nats_jetstream":{"urls":["%1$s"],"subject":"js-orders.>","durable":"bridge"}},
                           "output":{"nats_jetstream":{"urls":["%1$s"],"subject":"audit.${! meta(\\"nats_subject\\") }",
                                     "headers":{"delivered":"${! meta(\\"nats_num_delivered\\") }",
                                                "sequence":"${! meta(\\"nats_sequence_stream\\") }",
                                                "nanos":"${! meta(\\"nats_timestamp_unix_nano\\") }"}}}}}
                """.formatted(nats.url());
        assertThat(sluice.deploy("js-bridge.json", Definitions.streamApi("js-bridge", streams)).problems()).isEmpty();

        // no stream takes audit.>: every write fails, nothing is acknowledged, and the server delivers again
        await().atMost(Duration.ofSeconds(20)).until(() -> jsm.getConsumerInfo("ORDERS", "bridge").getRedelivered() > 0);
        ConsumerInfo failing = jsm.getConsumerInfo("ORDERS", "bridge");
        assertThat(failing.getAckFloor().getStreamSequence()).as("nothing acknowledged").isZero();

        jsm.addStream(StreamConfiguration.builder().name("AUDIT").subjects("audit.>").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> jsm.getStreamInfo("AUDIT").getStreamState().getMsgCount() >= 3);

        List<String> bodies = new ArrayList<>();
        List<Integer> deliveries = new ArrayList<>();
        for (long seq = 1; seq <= jsm.getStreamInfo("AUDIT").getStreamState().getLastSequence(); seq++) {
            var m = jsm.getMessage("AUDIT", seq);
            bodies.add(new String(m.getData(), StandardCharsets.UTF_8));
            deliveries.add(Integer.parseInt(m.getHeaders().getFirst("delivered")));
            String n = m.getSubject().substring("audit.js-orders.".length());
            assertThat(bodies.get(bodies.size() - 1)).isEqualTo("order-" + n);
            assertThat(m.getHeaders().getFirst("sequence")).as("stream sequence of order-" + n).isEqualTo(n);
            assertThat(Long.parseLong(m.getHeaders().getFirst("nanos")) / 1_000_000)
                    .isCloseTo(System.currentTimeMillis(), within(120_000L));
        }
        assertThat(bodies).containsExactlyInAnyOrder("order-1", "order-2", "order-3");
        assertThat(deliveries).as("each was delivered again before it went through").allMatch(n -> n > 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            ConsumerInfo done = jsm.getConsumerInfo("ORDERS", "bridge");
            return done.getNumAckPending() == 0 && done.getAckFloor().getStreamSequence() == 3;
        });
    }

    @Test
    void aCoreNatsMessageTheOutputRefusedIsRetriedUntilItIsTaken() throws Exception {
        // the test answers for JetStream on kept.relay, refusing every write, until it lets the real stream take over
        AtomicInteger attempts = new AtomicInteger();
        Dispatcher refuser = client.createDispatcher(m -> {
            attempts.incrementAndGet();
            client.publish(m.getReplyTo(), "{\"error\":{\"code\":503,\"description\":\"refused by the test\"}}"
                    .getBytes(StandardCharsets.UTF_8));
        });
        refuser.subscribe("kept.relay");
        client.flush(Duration.ofSeconds(5));
        String streams = """
                {"relay":{"input":{"nats":{"urls":["%1$s"],"subject":"relay.in"}},
                          "output":{"nats_jetstream":{"urls":["%1$s"],"subject":"kept.relay"}}}}""".formatted(nats.url());
        assertThat(sluice.deploy("nats-replay.json", Definitions.streamApi("nats-replay", streams)).problems()).isEmpty();
        nats.awaitSubscription("relay.in");

        client.publish("relay.in", "keep me".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts.get() >= 2);
        client.closeDispatcher(refuser);
        client.flush(Duration.ofSeconds(5));
        JetStreamManagement jsm = client.jetStreamManagement();
        jsm.addStream(StreamConfiguration.builder().name("KEPT").subjects("kept.relay").build());

        await().atMost(Duration.ofSeconds(20)).until(() -> jsm.getStreamInfo("KEPT").getStreamState().getMsgCount() == 1);
        assertThat(new String(jsm.getMessage("KEPT", 1).getData(), StandardCharsets.UTF_8)).isEqualTo("keep me");
        sluice.gateway().undeploy("nats-replay");
    }

    @Test
    void undeployingAStreamThatHoldsBackAMessageEnds() throws Exception {
        String streams = """
                {"held":{"input":{"nats":{"urls":["%s"],"subject":"held"}},
                         "output":{"http_server":{"stream_path":"/sse"}}}}""".formatted(nats.url());
        assertThat(sluice.deploy("nats-held.json", Definitions.streamApi("nats-held", streams)).problems()).isEmpty();
        nats.awaitSubscription("held");
        client.publish("held", "nobody reads me".getBytes(StandardCharsets.UTF_8));
        nats.awaitDelivered("held", 1);

        // no client takes it: the input retries it (auto_replay_nacks), and undeploying must still end
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> sluice.gateway().undeploy("nats-held"));
        assertThat(sluice.camel().getRoute("api.nats-held.held.input")).isNull();
    }

    @Test
    void userAndPasswordInTheUrlAuthenticate() throws Exception {
        try (NatsServer secured = NatsServer.start("--user", "sluice", "--pass", "s3cret");
             Connection owner = Nats.connect("nats://sluice:s3cret@127.0.0.1:" + secured.port())) {
            String withCredentials = "nats://sluice:s3cret@127.0.0.1:" + secured.port();
            String streams = """
                    {"relay":{"input":{"nats":{"urls":["%1$s"],"subject":"secure.in"}},
                              "output":{"nats":{"urls":["%1$s"],"subject":"secure.out"}}}}""".formatted(withCredentials);
            assertThat(sluice.deploy("nats-auth.json", Definitions.streamApi("nats-auth", streams)).problems()).isEmpty();
            Subscription out = owner.subscribe("secure.out");
            owner.flush(Duration.ofSeconds(5));
            secured.awaitSubscription("secure.in");

            owner.publish("secure.in", "secret".getBytes(StandardCharsets.UTF_8));
            Message relayed = out.nextMessage(Duration.ofSeconds(10));
            assertThat(relayed).isNotNull();
            assertThat(new String(relayed.getData(), StandardCharsets.UTF_8)).isEqualTo("secret");
            sluice.gateway().undeploy("nats-auth");

            String wrong = "nats://sluice:wrong@127.0.0.1:" + secured.port();
            assertThat(sluice.deploy("nats-auth-wrong.json", Definitions.streamApi("nats-auth-wrong",
                    "{\"s\":{\"input\":{\"nats\":{\"urls\":[\"" + wrong + "\"],\"subject\":\"x\"}},\"output\":{\"drop\":{}}}}"))
                    .problems()).singleElement().extracting(p -> p.message()).asString().containsIgnoringCase("authorization");
            assertThat(sluice.camel().getRoute("api.nats-auth-wrong.s.input")).as("the route that failed is gone").isNull();
        }
    }
}
