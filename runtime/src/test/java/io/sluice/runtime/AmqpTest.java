package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.sluice.runtime.config.SluiceConfig;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.camel.Endpoint;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bento's amqp_0_9 input and output against a test-owned RabbitMQ. (Sluice has no WebSocket http_server input yet,
 * so producers here POST.)
 */
class AmqpTest {

    static RabbitMqServer rabbit;
    static SluiceServer sluice;
    static Connection client;
    /** One per test: a channel error (a test's own mistake) closes the channel it happened on. */
    Channel channel;

    @BeforeAll
    static void start() throws Exception {
        rabbit = RabbitMqServer.start();
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0));
        client = rabbit.connect();
    }

    @BeforeEach
    void openChannel() throws Exception {
        channel = client.createChannel();
    }

    @AfterEach
    void closeChannel() throws Exception {
        if (channel.isOpen()) {
            channel.close();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        sluice.close();
        rabbit.close();
    }

    /**
     * Awaitility fails an await on an exception thrown in any thread; Spring's connection cache throws one in the
     * background when it returns a channel the broker had closed (a publish to a missing exchange), harmlessly.
     */
    private static ConditionFactory eventually() {
        return await().dontCatchUncaughtExceptions();
    }

    @Test
    void aPostIsAnsweredOnlyAfterThePublisherConfirm() throws Exception {
        String streams = """
                {"events":{"input":{"http_server":{"path":"/events","timeout":"3s"}},
                           "output":{"amqp_0_9":{"urls":["%1$s"],"exchange":"events",
                                     "exchange_declare":{"enabled":true,"type":"topic"},
                                     "key":"orders.${! this.region }","type":"order/created",
                                     "content_type":"application/json","priority":"${! this.priority }",
                                     "persistent":true,
                                     "metadata":{"exclude_prefixes":["Content","Host","User","http_server_re"]}}}},
                 "missing":{"input":{"http_server":{"path":"/missing","timeout":"3s"}},
                            "output":{"amqp_0_9":{"urls":["%1$s"],"exchange":"no-such-exchange"}}},
                 "unroutable":{"input":{"http_server":{"path":"/unroutable","timeout":"3s"}},
                               "output":{"amqp_0_9":{"urls":["%1$s"],"exchange":"nobody-listens","mandatory":true,
                                         "exchange_declare":{"enabled":true,"type":"fanout"}}}}}
                """.formatted(rabbit.url());
        assertThat(sluice.deploy("amqp-post.json", Definitions.streamApi("amqp-post", streams)).problems()).isEmpty();
        channel.queueDeclare("posted", false, false, false, null);
        channel.queueBind("posted", "events", "orders.#");

        HttpResponse<String> post = HttpClients.post(sluice.port(), "/amqp-post/events", "{\"region\":\"eu\",\"priority\":5}");
        assertThat(post.statusCode()).isEqualTo(200);

        // confirmed before the 200: the broker has routed it into the queue by now
        GetResponse got = channel.basicGet("posted", true);
        assertThat(got).isNotNull();
        assertThat(new String(got.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"region\":\"eu\",\"priority\":5}");
        assertThat(got.getEnvelope().getRoutingKey()).isEqualTo("orders.eu");
        AMQP.BasicProperties props = got.getProps();
        assertThat(props.getContentType()).isEqualTo("application/json");
        assertThat(props.getType()).isEqualTo("order.created");
        assertThat(props.getPriority()).isEqualTo(5);
        assertThat(props.getDeliveryMode()).as("persistent").isEqualTo(2);
        assertThat(props.getHeaders()).extractingByKey("http-server-verb").asString().isEqualTo("POST");
        assertThat(props.getHeaders().keySet()).as("metadata, dashed, minus the excluded prefixes")
                .containsExactlyInAnyOrder("http-server-verb", "http-server-user-agent");

        HttpResponse<String> refused = HttpClients.post(sluice.port(), "/amqp-post/missing", "lost?");
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(refused.body()).startsWith("{\"error\":\"Output rejected the message: ").contains("no-such-exchange");

        HttpResponse<String> returned = HttpClients.post(sluice.port(), "/amqp-post/unroutable", "no queue");
        assertThat(returned.statusCode()).isEqualTo(502);
        assertThat(returned.body()).contains("returned the message").contains("NO_ROUTE");
    }

    @Test
    void amqpMessagesReachAServerSentEventStreamWithTheirMetadata() throws Exception {
        String streams = """
                {"feed":{"input":{"amqp_0_9":{"urls":["%s"],"queue":"feed","queue_declare":{"enabled":true,"durable":false},
                                  "bindings_declare":[{"exchange":"amq.topic","key":"feed.#"}],"consumer_tag":"sluice-feed"}},
                         "pipeline":{"processors":[{"mapping":"root.body = content().string()\\nroot.key = meta(\\"amqp_routing_key\\")\\nroot.exchange = meta(\\"amqp_exchange\\")\\nroot.tag = meta(\\"amqp_consumer_tag\\")\\nroot.trace = meta(\\"x_trace\\")\\nroot.redelivered = meta(\\"amqp_redelivered\\")"}]},
                         "output":{"http_server":{"stream_path":"/sse","stream_format":"event_source"}}}}
                """.formatted(rabbit.url());
        assertThat(sluice.deploy("amqp-sse.json", Definitions.streamApi("amqp-sse", streams)).problems()).isEmpty();

        try (HttpClients.StreamReader sse = new HttpClients.StreamReader(sluice.port(), "/amqp-sse/sse")) {
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("text/plain")
                    .headers(Map.of("x-trace", "t-9")).build();
            channel.basicPublish("amq.topic", "feed.news", props, "extra!".getBytes(StandardCharsets.UTF_8));
            assertThat(sse.lines.poll(20, TimeUnit.SECONDS)).isEqualTo("data: {\"body\":\"extra!\",\"exchange\":\"amq.topic\","
                    + "\"key\":\"feed.news\",\"redelivered\":\"false\",\"tag\":\"sluice-feed\",\"trace\":\"t-9\"}");
        }
    }

    @Test
    void aMessageTheOutputCouldNotTakeIsRequeuedUntilItCan() throws Exception {
        // "results" routes each message to "attempts" (which sees every try) and to "results-q", which is full and
        // refuses more: the broker answers the publish with a negative confirm until the test makes room.
        channel.exchangeDeclare("results", "fanout");
        channel.queueDeclare("attempts", false, false, false, null);
        channel.queueBind("attempts", "results", "");
        channel.queueDeclare("results-q", false, false, false, Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
        channel.queueBind("results-q", "results", "");
        channel.basicPublish("", "results-q", null, "blocker".getBytes(StandardCharsets.UTF_8));
        channel.queueDeclare("work", false, false, false, null);
        String streams = """
                {"worker":{"input":{"amqp_0_9":{"urls":["%1$s"],"queue":"work"}},
                           "output":{"amqp_0_9":{"urls":["%1$s"],"exchange":"results"}}}}
                """.formatted(rabbit.url());
        assertThat(sluice.deploy("amqp-work.json", Definitions.streamApi("amqp-work", streams)).problems()).isEmpty();

        channel.basicPublish("", "work", null, "job-1".getBytes(StandardCharsets.UTF_8));
        eventually().atMost(Duration.ofSeconds(30)).until(() -> channel.queueDeclarePassive("attempts").getMessageCount() >= 2);
        channel.basicGet("attempts", true); // the first try
        GetResponse again = channel.basicGet("attempts", true);
        assertThat(new String(again.getBody(), StandardCharsets.UTF_8)).isEqualTo("job-1");
        assertThat(again.getProps().getHeaders()).extractingByKey("amqp-redelivered").asString()
                .as("the refused message went back to the queue and came again").isEqualTo("true");
        assertThat(channel.basicGet("results-q", true).getBody()).asString(StandardCharsets.UTF_8).isEqualTo("blocker");

        GetResponse[] delivered = new GetResponse[1];
        eventually().atMost(Duration.ofSeconds(30)).until(() -> (delivered[0] = channel.basicGet("results-q", true)) != null);
        assertThat(new String(delivered[0].getBody(), StandardCharsets.UTF_8)).isEqualTo("job-1");
        eventually().atMost(Duration.ofSeconds(10)).until(() -> channel.queueDeclarePassive("work").getMessageCount() == 0);

        Predicate<Endpoint> workersEnds =
                e -> e.getEndpointUri().contains("queues=work") || e.getEndpointUri().startsWith("sluice-amqp://results");
        assertThat(sluice.camel().getEndpoints()).filteredOn(workersEnds).hasSize(2);
        sluice.gateway().undeploy("amqp-work");
        assertThat(channel.queueDeclarePassive("work").getConsumerCount()).as("undeploy ends the consumer").isZero();
        assertThat(sluice.camel().getEndpoints()).as("and removes the endpoints, closing their connections")
                .noneMatch(workersEnds);
    }

    @Test
    void aMessageWhoseErrorMatchesNackRejectPatternsIsDeadLetteredNotRequeued() throws Exception {
        channel.exchangeDeclare("dlx", "fanout");
        channel.queueDeclare("dead", false, false, false, null);
        channel.queueBind("dead", "dlx", "");
        channel.queueDeclare("strict", false, false, false, Map.of("x-dead-letter-exchange", "dlx"));
        String streams = """
                {"strict":{"input":{"amqp_0_9":{"urls":["%1$s"],"queue":"strict","nack_reject_patterns":["NOT_FOUND"]}},
                           "output":{"amqp_0_9":{"urls":["%1$s"],"exchange":"nowhere"}}}}
                """.formatted(rabbit.url());
        assertThat(sluice.deploy("amqp-strict.json", Definitions.streamApi("amqp-strict", streams)).problems()).isEmpty();
        channel.basicPublish("", "strict", null, "poison".getBytes(StandardCharsets.UTF_8));

        GetResponse[] dead = new GetResponse[1];
        eventually().atMost(Duration.ofSeconds(20)).until(() -> (dead[0] = channel.basicGet("dead", true)) != null);
        assertThat(new String(dead[0].getBody(), StandardCharsets.UTF_8)).isEqualTo("poison");
        assertThat(dead[0].getProps().getHeaders()).containsKey("x-death");
        assertThat(dead[0].getEnvelope().isRedeliver()).isFalse();
        assertThat(channel.queueDeclarePassive("strict").getMessageCount()).isZero();
        sluice.gateway().undeploy("amqp-strict");
    }
}
