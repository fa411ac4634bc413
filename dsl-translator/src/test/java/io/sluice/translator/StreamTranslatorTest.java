package io.sluice.translator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.translator.model.ApiDefinition;
import io.sluice.translator.model.ApiDefinitionParser;
import io.sluice.translator.registry.ComponentRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamTranslatorTest {

    private final ApiDefinitionParser parser = new ApiDefinitionParser();
    private final StreamTranslator translator = new StreamTranslator(ComponentRegistry.discover(), Set.of());

    private ApiDefinition api(String streams) {
        String json = """
                {"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},
                 "x-tyk-api-gateway":{"info":{"name":"Orders API","state":{"active":true}},
                   "server":{"listenPath":{"value":"/orders/","strip":true}},"upstream":{"url":""}},
                 "x-tyk-streaming":{"streams":%s}}""".formatted(streams);
        return parser.parse("orders.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private List<Problem> problems(String streams) {
        return catchThrowableOfType(DefinitionException.class, () -> translator.translate(api(streams))).problems();
    }

    @Test
    void derivesIdAndNormalisesListenPath() {
        ApiDefinition api = api("{}");
        assertThat(api.id()).isEqualTo("orders-api");
        assertThat(api.listenPath()).isEqualTo("/orders");
        assertThat(api.stripListenPath()).isTrue();
    }

    @Test
    void translatesAValidStreamWithItsEndpoints() {
        ApiPlan plan = translator.translate(api("""
                {"in":{"input":{"http_server":{"path":"/push"}},
                       "output":{"kafka":{"addresses":["k:9092"],"topic":"t"}}}}"""));
        StreamPlan s = plan.streams().get(0);
        assertThat(s.routeIds()).containsExactly("api.orders-api.in.input");
        assertThat(s.endpoints()).extracting(HttpEndpoint::path).containsExactly("/push");
    }

    @Test
    void reportsEveryProblemWithItsPath() {
        List<Problem> problems = problems("""
                {"a":{"input":{"kafka":{"addresses":"k:9092","topic":["t"],"consumer_group":"g"}},
                      "output":{"http_server":{"stream_format":"sse"}}},
                 "b":{"input":{"http_server":{}}}}""");
        assertThat(problems).extracting(Problem::jsonPath).containsExactlyInAnyOrder(
                "/x-tyk-streaming/streams/a/input/kafka/addresses",
                "/x-tyk-streaming/streams/a/input/kafka/topic",
                "/x-tyk-streaming/streams/a/input/kafka/topics",
                "/x-tyk-streaming/streams/a/output/http_server/stream_format",
                "/x-tyk-streaming/streams/b");
        assertThat(problems).filteredOn(p -> p.jsonPath().endsWith("/kafka/topic")).first()
                .extracting(Problem::message).asString().contains("unknown field 'topic'").contains("did you mean 'topics'");
        assertThat(problems).filteredOn(p -> p.jsonPath().endsWith("/addresses")).first()
                .extracting(Problem::message).asString().contains("expected a list of strings, got a string");
        assertThat(problems).filteredOn(p -> p.jsonPath().endsWith("/topics")).first()
                .extracting(Problem::message).asString().contains("required field 'topics'");
        assertThat(problems).filteredOn(p -> p.stream().equals("b")).first()
                .extracting(Problem::message).asString().contains("has no output");
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("orders.json");
            assertThat(p.api()).isEqualTo("Orders API");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void translatesNatsAndAmqpStreams() {
        ApiPlan plan = translator.translate(api("""
                {"core":{"input":{"nats":{"urls":["nats://n:4222"],"subject":"orders.>","queue":"q"}},
                         "output":{"nats_jetstream":{"urls":["nats://n:4222"],"subject":"kept.all"}}},
                 "js":{"input":{"nats_jetstream":{"urls":["nats://n:4222"],"subject":"kept.>","durable":"d","deliver":"new"}},
                       "output":{"amqp_0_9":{"urls":["amqp://guest:guest@r:5672/"],"exchange":"ex","key":"k"}}},
                 "amqp":{"input":{"amqp_0_9":{"urls":["amqp://r/"],"queue":"q","bindings_declare":[{"exchange":"e","key":"k.#"}]}},
                         "output":{"nats":{"urls":["nats://n:4222"],"subject":"out","headers":{"X-Key":"static"}}}}}"""));
        assertThat(plan.streams()).extracting(StreamPlan::streamName).containsExactlyInAnyOrder("core", "js", "amqp");
    }

    @Test
    void checksNatsAndAmqpFieldsWhereTheyAre() {
        List<Problem> problems = problems("""
                {"a":{"input":{"nats_jetstream":{"urls":["nats://n:4222"],"bind":true,"deliver":"oldest"}},
                      "output":{"amqp_0_9":{"urls":["amqps://r:5671/"],"exchange":"x","priority":"12","timeout":"soon"}}},
                 "b":{"input":{"amqp_0_9":{"urls":["amqp://r/"],"queue":"q","bindings_declare":[{"exchange":"e","routing":"k"}],
                               "nack_reject_patterns":["("]}},
                      "output":{"nats":{"urls":["nats://n:4222"],"subject":""}}}}""");
        String a = "/x-tyk-streaming/streams/a/";
        String b = "/x-tyk-streaming/streams/b/";
        assertThat(problems).extracting(Problem::jsonPath).containsExactlyInAnyOrder(
                a + "input/nats_jetstream/deliver",
                a + "input/nats_jetstream/durable",
                a + "input/nats_jetstream/stream",
                a + "output/amqp_0_9/urls",
                a + "output/amqp_0_9/priority",
                a + "output/amqp_0_9/timeout",
                b + "input/amqp_0_9/bindings_declare/0/routing",
                b + "input/amqp_0_9/nack_reject_patterns",
                b + "output/nats/subject");
        assertThat(problems).filteredOn(p -> p.jsonPath().endsWith("/urls")).first()
                .extracting(Problem::message).asString().contains("amqps://").contains("not supported yet");
    }

    @Test
    void refusesUnsafeComponentsUnlessAllowed() {
        String streams = "{\"s\":{\"input\":{\"file\":{\"paths\":[\"/etc/passwd\"]}},\"output\":{\"drop\":{}}}}";
        assertThat(problems(streams)).singleElement().extracting(Problem::message).asString()
                .contains("'file' is unsafe").contains("streaming.allow_unsafe");
        List<Problem> allowed = catchThrowableOfType(DefinitionException.class,
                () -> new StreamTranslator(ComponentRegistry.discover(), Set.of("file")).translate(api(streams))).problems();
        assertThat(allowed).singleElement().extracting(Problem::message).asString().contains("does not support yet");
    }

    @Test
    void namesKnownBentoComponentsNotSupportedYetAndSuggestsForTypos() {
        assertThat(problems("{\"s\":{\"input\":{\"nsq\":{}},\"output\":{\"drop\":{}}}}")).singleElement()
                .extracting(Problem::message).asString().contains("Bento component that Sluice does not support yet");
        assertThat(problems("{\"s\":{\"input\":{\"kafak\":{}},\"output\":{\"drop\":{}}}}")).singleElement()
                .extracting(Problem::message).asString().contains("did you mean 'kafka'");
    }

    @Test
    void checksMqttFieldsWhereTheyAre() {
        String base = "/x-tyk-streaming/streams/";
        List<Problem> problems = problems("""
                {"in":{"input":{"mqtt":{"urls":["amqp://b:5672"],"topics":["a/#/b"],"qos":3,"clean_session":false}},
                       "output":{"drop":{}}},
                 "out":{"input":{"http_server":{}},
                        "output":{"mqtt":{"urls":["tcp://b:1883"],"topic":"sensors/+","will":{"enabled":true},
                                          "max_in_flight":0}}}}""");
        assertThat(problems).extracting(Problem::jsonPath).containsExactlyInAnyOrder(
                base + "in/input/mqtt/urls",
                base + "in/input/mqtt/topics",
                base + "in/input/mqtt/qos",
                base + "in/input/mqtt/client_id",
                base + "out/output/mqtt/topic",
                base + "out/output/mqtt/will/topic",
                base + "out/output/mqtt/max_in_flight");
        assertThat(problems).filteredOn(p -> p.jsonPath().endsWith("/urls")).first().extracting(Problem::message)
                .asString().contains("unsupported scheme");
        assertThat(problems).filteredOn(p -> p.jsonPath().endsWith("/client_id")).first().extracting(Problem::message)
                .asString().contains("clean_session: false");
    }

    @Test
    void translatesMqttWithTykUrlForms() {
        ApiPlan plan = translator.translate(api("""
                {"s":{"input":{"mqtt":{"urls":["mqtt://b:1883"],"topics":["sensors/#"],"tls":{"enabled":true}}},
                      "output":{"mqtt":{"urls":["tcp://b:1883"],"topic":"out"}}}}"""));
        assertThat(plan.streams().get(0).notYetActedOn()).singleElement().asString()
                .startsWith("/x-tyk-streaming/streams/s/input/mqtt/tls");
    }
}
