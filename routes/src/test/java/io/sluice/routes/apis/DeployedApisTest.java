package io.sluice.routes.apis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.translator.model.ApiDefinition;
import io.sluice.translator.model.SourceLocations;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployedApisTest {

    private static ApiDefinition api(String id, String listenPath, boolean active) {
        return new ApiDefinition(id + ".json", id, id, active, listenPath, true, "", Map.of(), null, SourceLocations.NONE);
    }

    @Test
    void longestListenPathWinsOnSegmentBoundaries() {
        DeployedApis apis = new DeployedApis();
        apis.put(api("root", "/", true));
        apis.put(api("chat", "/chat", true));
        apis.put(api("chat-v2", "/chat/v2", true));

        assertThat(apis.match("/chat/v2/post").id()).isEqualTo("chat-v2");
        assertThat(apis.match("/chat/post").id()).isEqualTo("chat");
        assertThat(apis.match("/chat").id()).isEqualTo("chat");
        assertThat(apis.match("/chatter").id()).as("not a segment of /chat").isEqualTo("root");
    }

    @Test
    void inactiveApisAreNotMatchedAndRemovalsApply() {
        DeployedApis apis = new DeployedApis();
        apis.put(api("a", "/a", false));
        assertThat(apis.match("/a/x")).isNull();
        apis.put(api("a", "/a", true));
        assertThat(apis.match("/a/x").id()).isEqualTo("a");
        apis.remove("a");
        assertThat(apis.match("/a/x")).isNull();
    }

    @Test
    void stripsTheListenPath() {
        assertThat(DeployedApis.strip("/chat", "/chat/post")).isEqualTo("/post");
        assertThat(DeployedApis.strip("/chat", "/chat")).isEqualTo("/");
        assertThat(DeployedApis.strip("/", "/post")).isEqualTo("/post");
    }
}
