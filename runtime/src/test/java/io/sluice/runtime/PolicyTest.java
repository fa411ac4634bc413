package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.config.SluiceConfig;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tyk security policies: from policies.policy_path and /tyk/policies, applied to keys through apply_policies. */
class PolicyTest {

    static final String SECRET = "policy-secret";
    static SluiceServer sluice;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path policies = dir.resolve("policies.json");
        Files.writeString(policies, """
                {"bronze":{"id":"bronze","name":"Bronze","rate":2,"per":60,"quota_max":-1,"active":true,
                           "access_rights":{"orders":{"api_id":"orders","versions":["Default"]}}}}""");
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0).withSecret(SECRET).withPolicyPath(policies));
        String doc = """
                {"openapi":"3.0.3","info":{"title":"orders","version":"1"},"paths":{},
                 "components":{"securitySchemes":{"t":{"type":"apiKey","in":"header","name":"Authorization"}}},
                 "security":[{"t":[]}],
                 "x-tyk-api-gateway":{"info":{"id":"orders","name":"orders","state":{"active":true}},
                   "server":{"authentication":{"enabled":true,"securitySchemes":{"t":{"enabled":true}}},
                     "listenPath":{"value":"/orders/","strip":true}},"upstream":{"url":""}},
                 "x-tyk-streaming":{"streams":{"in":{"input":{"http_server":{"path":"/in"}},"output":{"drop":{}}}}}}""";
        assertThat(sluice.deploy("orders.json", doc.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
    }

    @AfterAll
    static void stop() {
        sluice.close();
    }

    private static HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return HttpClients.admin(sluice.port(), SECRET, method, path, body);
    }

    private static int post(String key) throws Exception {
        return HttpClients.post(sluice.port(), "/orders/in", "x", "Authorization", key).statusCode();
    }

    @Test
    void aKeyGetsItsAccessAndLimitsFromTheFilePolicy() throws Exception {
        assertThat(admin("POST", "/tyk/keys/bronze-key", "{\"apply_policies\":[\"bronze\"]}").statusCode()).isEqualTo(200);
        assertThat(post("bronze-key")).isEqualTo(200);
        assertThat(post("bronze-key")).isEqualTo(200);
        assertThat(post("bronze-key")).as("the policy's rate of 2 per minute").isEqualTo(429);
    }

    @Test
    void policiesMadeThroughTheGatewayApiApplyAndTheirRemovalDenies() throws Exception {
        HttpResponse<String> created = admin("POST", "/tyk/policies",
                "{\"id\":\"gold\",\"rate\":1000,\"per\":1,\"access_rights\":{\"orders\":{\"api_id\":\"orders\"}}}");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("\"action\":\"added\"");
        assertThat(admin("GET", "/tyk/policies/gold", null).body()).contains("\"rate\":1000");
        assertThat(admin("POST", "/tyk/keys/gold-key", "{\"apply_policies\":[\"gold\"]}").statusCode()).isEqualTo(200);
        assertThat(post("gold-key")).isEqualTo(200);

        assertThat(admin("DELETE", "/tyk/policies/gold", null).body()).contains("\"action\":\"deleted\"");
        assertThat(post("gold-key")).as("a key whose policy is gone").isEqualTo(403);
        assertThat(admin("GET", "/tyk/policies", "").statusCode()).isEqualTo(200);
    }
}
