package io.sluice.bloblang.lib;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bloblang.Bloblang;
import io.sluice.bloblang.Message;
import org.junit.jupiter.api.Test;

class ChangelogTest {
    private static String run(String mapping, String input) {
        return Bloblang.parse(mapping).apply(Message.of(input)).contentAsString();
    }

    @Test
    void diffListsCreatesUpdatesAndDeletes() {
        assertThat(run("root = this.before.diff(this.after)",
                "{\"before\":{\"a\":\"x\",\"b\":[\"p\"],\"gone\":1,\"o\":{\"k\":\"v\"}},"
                        + "\"after\":{\"a\":\"y\",\"b\":[\"p\",\"q\"],\"new\":true,\"o\":{}}}"))
                .isEqualTo("[{\"From\":\"x\",\"Path\":[\"a\"],\"To\":\"y\",\"Type\":\"update\"},"
                        + "{\"From\":null,\"Path\":[\"b\",\"1\"],\"To\":\"q\",\"Type\":\"create\"},"
                        + "{\"From\":1,\"Path\":[\"gone\"],\"To\":null,\"Type\":\"delete\"},"
                        + "{\"From\":null,\"Path\":[\"new\"],\"To\":true,\"Type\":\"create\"},"
                        + "{\"From\":\"v\",\"Path\":[\"o\",\"k\"],\"To\":null,\"Type\":\"delete\"}]");
        assertThat(run("root = this.a.diff(this.a)", "{\"a\":{\"x\":[1,2]}}")).isEqualTo("[]");
    }

    @Test
    void patchAppliesADiffBack() {
        String input = "{\"before\":{\"a\":\"x\",\"b\":[\"p\"],\"gone\":1,\"o\":{\"k\":\"v\"}},"
                + "\"after\":{\"a\":\"y\",\"b\":[\"p\",\"q\"],\"new\":true,\"o\":{}}}";
        assertThat(run("root = this.before.patch(this.before.diff(this.after))", input))
                .isEqualTo("{\"a\":\"y\",\"b\":[\"p\",\"q\"],\"new\":true,\"o\":{}}");
        assertThat(run("root = this.patch([{\"type\":\"create\",\"path\":[\"x\",\"y\"],\"to\":1}])", "{}"))
                .isEqualTo("{\"x\":{\"y\":1}}");
    }
}
