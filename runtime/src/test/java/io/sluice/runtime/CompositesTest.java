package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.EmbeddedKafka;
import io.sluice.translator.Problem;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bento's composite components over real parts: switch/branch/try/catch processors (observed through
 * sync_response replies), switch/broker/fallback/reject outputs and broker/generate inputs (observed in Kafka).
 */
class CompositesTest {

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

    /** Deploys one stream: POST /<name>/in, the given processors, then the given output. */
    private static void deploy(String name, String processors, String output) {
        String streams = """
                {"s":{"input":{"http_server":{"path":"/in","timeout":"5s"}},
                      "pipeline":{"processors":%s},"output":%s}}""".formatted(processors, output);
        List<Problem> problems = sluice.deploy(name + ".json", Definitions.streamApi(name, streams)).problems();
        assertThat(problems).isEmpty();
    }

    private static HttpResponse<String> post(String name, String body) throws Exception {
        return HttpClients.post(sluice.port(), "/" + name + "/in", body);
    }

    private String kafkaOut(String topic) throws Exception {
        kafka.createTopic(topic, 1);
        return Definitions.kafkaOut(kafka.bootstrapServers(), topic);
    }

    @Test
    void aSwitchProcessorRunsTheFirstMatchingCaseAndFallsThrough() throws Exception {
        deploy("switch-proc", """
                [{"switch":[
                   {"check":"this.type == \\"a\\"","processors":[{"mutation":"root.a = true"}],"fallthrough":true},
                   {"check":"this.type == \\"b\\"","processors":[{"mutation":"root.b = true"}]},
                   {"processors":[{"mutation":"root.other = true"}]}]}]""", "{\"sync_response\":{}}");
        assertThat(post("switch-proc", "{\"type\":\"a\"}").body()).isEqualTo("{\"a\":true,\"b\":true,\"type\":\"a\"}");
        assertThat(post("switch-proc", "{\"type\":\"b\"}").body()).isEqualTo("{\"b\":true,\"type\":\"b\"}");
        assertThat(post("switch-proc", "{\"type\":\"c\"}").body()).isEqualTo("{\"other\":true,\"type\":\"c\"}");
    }

    @Test
    void aBranchWorksOnACopyAndMapsItsResultBack() throws Exception {
        deploy("branch", """
                [{"branch":{"request_map":"root = if this.id == null { deleted() } else { {\\"who\\": this.id} }",
                            "processors":[{"mapping":"root = {\\"name\\": \\"customer-\\" + this.who.string()}"}],
                            "result_map":"root.customer = this.name"}}]""", "{\"sync_response\":{}}");
        assertThat(post("branch", "{\"id\":7,\"total\":3}").body())
                .isEqualTo("{\"customer\":\"customer-7\",\"id\":7,\"total\":3}");
        assertThat(post("branch", "{\"total\":3}").body()).as("request_map deleted the copy: branch skipped")
                .isEqualTo("{\"total\":3}");
    }

    @Test
    void tryStopsAtTheFirstFailureAndCatchHandlesIt() throws Exception {
        deploy("try-catch", """
                [{"try":[{"mutation":"root.n = this.v.number()"},{"mutation":"root.after = true"}]},
                 {"catch":[{"mutation":"root.caught = error().type()"}]},
                 {"mutation":"root.flag_cleared = !errored()"}]""", "{\"sync_response\":{}}");
        assertThat(post("try-catch", "{\"v\":\"12\"}").body())
                .isEqualTo("{\"after\":true,\"flag_cleared\":true,\"n\":12,\"v\":\"12\"}");
        assertThat(post("try-catch", "{\"v\":\"twelve\"}").body())
                .isEqualTo("{\"caught\":\"string\",\"flag_cleared\":true,\"v\":\"twelve\"}");
    }

    @Test
    void aSwitchOutputSendsToEveryMatchingCaseWhileTheyContinue() throws Exception {
        deploy("switch-out", "[]", """
                {"switch":{"cases":[
                   {"check":"this.region == \\"eu\\"","output":%s,"continue":true},
                   {"check":"this.region == \\"us\\"","output":%s},
                   {"output":%s}]}}""".formatted(kafkaOut("sw-eu"), kafkaOut("sw-us"), kafkaOut("sw-rest")));
        assertThat(post("switch-out", "{\"region\":\"eu\",\"n\":1}").statusCode()).isEqualTo(200);
        assertThat(post("switch-out", "{\"region\":\"us\",\"n\":2}").statusCode()).isEqualTo(200);
        assertThat(KafkaTopics.readAll(kafka.bootstrapServers(), "sw-eu")).containsExactly("{\"region\":\"eu\",\"n\":1}");
        assertThat(KafkaTopics.readAll(kafka.bootstrapServers(), "sw-us")).containsExactly("{\"region\":\"us\",\"n\":2}");
        assertThat(KafkaTopics.readAll(kafka.bootstrapServers(), "sw-rest")).containsExactly("{\"region\":\"eu\",\"n\":1}");
    }

    @Test
    void aStrictSwitchOutputRefusesWhatNoCaseTakes() throws Exception {
        deploy("strict", "[]", """
                {"switch":{"strict_mode":true,"cases":[{"check":"this.ok == true","output":{"drop":{}}}]}}""");
        assertThat(post("strict", "{\"ok\":true}").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = post("strict", "{\"ok\":false}");
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(refused.body()).contains("no case of the switch output matched");
    }

    @Test
    void aFanOutBrokerWritesToAllOutputsAndFailsIfOneFails() throws Exception {
        deploy("fan-out", "[]", "{\"broker\":{\"pattern\":\"fan_out\",\"outputs\":[%s,%s]}}"
                .formatted(kafkaOut("fan-a"), kafkaOut("fan-b")));
        assertThat(post("fan-out", "m1").statusCode()).isEqualTo(200);
        assertThat(KafkaTopics.readAll(kafka.bootstrapServers(), "fan-a")).containsExactly("m1");
        assertThat(KafkaTopics.readAll(kafka.bootstrapServers(), "fan-b")).containsExactly("m1");

        deploy("fan-out-fails", "[]", "{\"broker\":{\"pattern\":\"fan_out_sequential\",\"outputs\":[%s,%s]}}"
                .formatted(kafkaOut("fan-c"), "{\"reject\":\"no room for ${! content() }\"}"));
        HttpResponse<String> failed = post("fan-out-fails", "m2");
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).contains("no room for m2");
    }

    @Test
    void roundRobinTakesTurns() throws Exception {
        deploy("rr", "[]", "{\"broker\":{\"pattern\":\"round_robin\",\"outputs\":[%s,%s]}}"
                .formatted(kafkaOut("rr-a"), kafkaOut("rr-b")));
        for (String m : List.of("1", "2", "3", "4")) {
            assertThat(post("rr", m).statusCode()).isEqualTo(200);
        }
        assertThat(KafkaTopics.readAll(kafka.bootstrapServers(), "rr-a")).containsExactly("1", "3");
        assertThat(KafkaTopics.readAll(kafka.bootstrapServers(), "rr-b")).containsExactly("2", "4");
    }

    @Test
    void aFallbackTriesTheNextOutputWhenOneFails() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        deploy("fallback", "[]", "{\"fallback\":[%s,%s]}".formatted(
                Definitions.kafkaOut("127.0.0.1:" + closed, "nowhere"), kafkaOut("fb-second")));
        assertThat(post("fallback", "kept").statusCode()).isEqualTo(200);
        assertThat(KafkaTopics.readAll(kafka.bootstrapServers(), "fb-second")).containsExactly("kept");
    }

    @Test
    void aBrokerInputMergesInputsAndEachKeepsItsOwnProcessors() throws Exception {
        kafka.createTopic("merged", 1);
        String streams = """
                {"s":{"input":{"broker":{"inputs":[
                        {"http_server":{"path":"/one"},"processors":[{"mutation":"root.via = \\"one\\""}]},
                        {"http_server":{"path":"/two"}},
                        {"generate":{"mapping":"root = {\\"via\\": \\"generate\\"}","interval":"10ms","count":2}}]}},
                      "pipeline":{"processors":[{"mutation":"root.seen = true"}]},
                      "output":%s}}""".formatted(Definitions.kafkaOut(kafka.bootstrapServers(), "merged"));
        assertThat(sluice.deploy("fan-in.json", Definitions.streamApi("fan-in", streams)).problems()).isEmpty();
        assertThat(HttpClients.post(sluice.port(), "/fan-in/one", "{}").statusCode()).isEqualTo(200);
        assertThat(HttpClients.post(sluice.port(), "/fan-in/two", "{\"via\":\"two\"}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(KafkaTopics.readAll(kafka.bootstrapServers(), "merged")).containsExactlyInAnyOrder(
                        "{\"seen\":true,\"via\":\"one\"}", "{\"seen\":true,\"via\":\"two\"}",
                        "{\"seen\":true,\"via\":\"generate\"}", "{\"seen\":true,\"via\":\"generate\"}"));
    }

    @Test
    void nestedProblemsAreReportedAtTheirOwnPaths() {
        String streams = """
                {"s":{"input":{"broker":{"inputs":[{"kafak":{}}]}},
                      "pipeline":{"processors":[{"switch":[{"check":"this.x ==","processors":[{"mappin":""}]}]}]},
                      "output":{"broker":{"outputs":[{"drop":{}},{"switch":{"cases":[{"chek":"true"}]}}]}}}}""";
        List<Problem> problems = sluice.deploy("nested-bad.json", Definitions.streamApi("nested-bad", streams)).problems();
        assertThat(problems).extracting(Problem::jsonPath).containsExactlyInAnyOrder(
                "/x-tyk-streaming/streams/s/input/broker/inputs/0/kafak",
                "/x-tyk-streaming/streams/s/pipeline/processors/0/switch/0/check",
                "/x-tyk-streaming/streams/s/pipeline/processors/0/switch/0/processors/0/mappin",
                "/x-tyk-streaming/streams/s/output/broker/outputs/1/switch/cases/0/chek");
    }
}
