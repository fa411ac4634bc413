package io.sluice.bloblang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentAndErrorSourceTest {

    @Test
    void envReadsTheEnvironmentGivenAtParseTime() {
        Mapping m = Bloblang.parse("root.a = env(\"SLUICE_TEST_A\")\nroot.b = env(\"SLUICE_TEST_B\")", null,
                Map.of("SLUICE_TEST_A", "from the stream"));
        assertThat(m.apply(Message.of("{}")).contentAsString()).isEqualTo("{\"a\":\"from the stream\",\"b\":null}");
    }

    @Test
    void withoutOneEnvReadsTheProcessEnvironment() {
        String path = System.getenv("PATH");
        Mapping m = Bloblang.parse("root = env(\"PATH\")");
        assertThat(m.apply(Message.of("{}")).contentAsString()).isEqualTo(path == null ? "null" : path);
    }

    @Test
    void errorSourceFunctionsReadWhatFlaggedTheMessage() {
        Message in = Message.of("{}").withError("boom").withErrorSource("http_client", "fetch_user", "root.pipeline.processors.0");
        Message out = Bloblang.parse("root.type = error_source_type()\nroot.label = error_source_label()\n"
                + "root.path = error_source_path()").apply(in);
        assertThat(out.contentAsString())
                .isEqualTo("{\"label\":\"fetch_user\",\"path\":\"root.pipeline.processors.0\",\"type\":\"http_client\"}");
        assertThat(Bloblang.parse("root = error_source_label()").apply(Message.of("{}")).contentAsString()).isEqualTo("null");
    }
}
