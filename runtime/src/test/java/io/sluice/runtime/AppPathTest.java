package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.config.SluiceConfig;
import io.sluice.translator.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a folder of definitions: broken ones are reported precisely, good ones serve regardless. */
class AppPathTest {

    @TempDir
    Path apps;
    SluiceServer sluice;

    @BeforeEach
    void start() throws Exception {
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0).withAppPath(apps));
    }

    @AfterEach
    void stop() {
        sluice.close();
    }

    @Test
    void brokenDefinitionsAreNamedAndTheGoodOnesServe() throws Exception {
        Files.write(apps.resolve("good.json"), Definitions.streamApi("good", Definitions.httpIn("/in", "5s"), "{\"drop\":{}}"));
        Files.write(apps.resolve("typo.json"), Definitions.streamApi("typo",
                "{\"kafak\":{\"addresses\":[\"localhost:9092\"],\"topics\":[\"t\"]}}", "{\"drop\":{}}"));
        Files.write(apps.resolve("wrongtype.yaml"), """
                openapi: 3.0.3
                info: {title: wrongtype, version: 1.0.0}
                paths: {}
                x-tyk-api-gateway:
                  info: {name: wrongtype, state: {active: true}}
                  server: {listenPath: {value: /wrongtype/}}
                  upstream: {url: ""}
                x-tyk-streaming:
                  streams:
                    s1:
                      input:
                        http_server: {path: /in, timeout: 5}
                      output:
                        drop: {}
                """.getBytes());
        Files.writeString(apps.resolve("syntax.json"), "{\"openapi\": \"3.0.3\",\n  \"info\": {,}\n}");

        List<ApiDeployer.Outcome> outcomes = sluice.loadAppPath();

        assertThat(outcomes).filteredOn(ApiDeployer.Outcome::deployed).extracting(o -> o.plan().api().name())
                .containsExactly("good");
        Problem typo = problemOf(outcomes, "typo.json");
        assertThat(typo.file()).endsWith("typo.json");
        assertThat(typo.api()).isEqualTo("typo");
        assertThat(typo.stream()).isEqualTo("default_stream");
        assertThat(typo.jsonPath()).isEqualTo("/x-tyk-streaming/streams/default_stream/input/kafak");
        assertThat(typo.message()).contains("unknown input type 'kafak'").contains("did you mean 'kafka'");
        assertThat(typo.line()).isEqualTo(4); // the x-tyk-streaming line of the definition

        Problem wrongType = problemOf(outcomes, "wrongtype.yaml");
        assertThat(wrongType.jsonPath()).isEqualTo("/x-tyk-streaming/streams/s1/input/http_server/timeout");
        assertThat(wrongType.message()).contains("expected a duration string");
        assertThat(wrongType.line()).isEqualTo(12);
        assertThat(wrongType.toString()).contains("wrongtype.yaml:12:").contains("stream 's1'");

        Problem syntax = problemOf(outcomes, "syntax.json");
        assertThat(syntax.line()).isEqualTo(2);
        assertThat(syntax.message()).startsWith("not valid JSON");

        assertThat(HttpClients.post(sluice.port(), "/good/in", "x").statusCode()).isEqualTo(200);
    }

    private static Problem problemOf(List<ApiDeployer.Outcome> outcomes, String file) {
        return outcomes.stream().filter(o -> o.source().endsWith(file)).findFirst().orElseThrow().problems().get(0);
    }
}
