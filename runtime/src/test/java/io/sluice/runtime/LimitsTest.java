package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.config.SluiceConfig;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Key-level rate limits and quotas, and the API-level rate limit, with Tyk's statuses, bodies and headers. */
class LimitsTest {

    static final String SECRET = "limits-secret";
    static SluiceServer sluice;

    @BeforeAll
    static void start() throws Exception {
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0).withSecret(SECRET));
        deploy("keyed", """
                "components":{"securitySchemes":{"t":{"type":"apiKey","in":"header","name":"Authorization"}}},
                "security":[{"t":[]}],""", "\"authentication\":{\"enabled\":true,\"securitySchemes\":{\"t\":{\"enabled\":true}}},", "");
        deploy("throttled", "", "", ",\"rateLimit\":{\"enabled\":true,\"rate\":2,\"per\":\"1m\"}");
        String operations = """
                {"openapi":"3.0.3","info":{"title":"ops","version":"1"},
                 "paths":{"/in":{"post":{"operationId":"postIn"}},"/other":{"post":{"operationId":"postOther"}},
                          "/open":{"post":{"operationId":"postOpen"}}},
                 "components":{"securitySchemes":{"t":{"type":"apiKey","in":"header","name":"Authorization"}}},
                 "security":[{"t":[]}],
                 "x-tyk-api-gateway":{"info":{"id":"ops","name":"ops","state":{"active":true}},
                   "server":{"authentication":{"enabled":true,"securitySchemes":{"t":{"enabled":true}}},
                             "listenPath":{"value":"/ops/","strip":true}},
                   "upstream":{"url":""},
                   "middleware":{"operations":{
                     "postIn":{"rateLimit":{"enabled":true,"rate":2,"per":"1m"}},
                     "postOpen":{"ignoreAuthentication":{"enabled":true}}}}},
                 "x-tyk-streaming":{"streams":{
                   "in":{"input":{"http_server":{"path":"/in"}},"output":{"drop":{}}},
                   "other":{"input":{"http_server":{"path":"/other"}},"output":{"drop":{}}},
                   "open":{"input":{"http_server":{"path":"/open"}},"output":{"drop":{}}}}}}
                """;
        assertThat(sluice.deploy("ops.json", operations.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
    }

    private static void deploy(String name, String openApiParts, String authentication, String upstreamExtra) {
        String doc = """
                {"openapi":"3.0.3","info":{"title":"%1$s","version":"1"},"paths":{},%2$s
                 "x-tyk-api-gateway":{"info":{"id":"%1$s","name":"%1$s","state":{"active":true}},
                   "server":{%3$s"listenPath":{"value":"/%1$s/","strip":true}},"upstream":{"url":""%4$s}},
                 "x-tyk-streaming":{"streams":{"in":{"input":{"http_server":{"path":"/in"}},"output":{"drop":{}}}}}}
                """.formatted(name, openApiParts, authentication, upstreamExtra);
        assertThat(sluice.deploy(name + ".json", doc.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
    }

    @AfterAll
    static void stop() {
        sluice.close();
    }

    private static void putKey(String key, String session) throws Exception {
        HttpResponse<String> r = HttpClients.admin(sluice.port(), SECRET, "POST", "/tyk/keys/" + key, session);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static HttpResponse<String> post(String path, String key) throws Exception {
        return HttpClients.post(sluice.port(), path, "x", "Authorization", key);
    }

    @Test
    void aKeysRateLimitIs429PastItsRate() throws Exception {
        putKey("rate-key", "{\"rate\":3,\"per\":60,\"quota_max\":-1,\"access_rights\":{\"keyed\":{\"api_id\":\"keyed\"}}}");
        for (int i = 0; i < 3; i++) {
            assertThat(post("/keyed/in", "rate-key").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = post("/keyed/in", "rate-key");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo("{\"error\":\"Rate Limit Exceeded\"}");
    }

    @Test
    void aPerApiLimitInTheAccessRightsWinsOverTheKeysOwn() throws Exception {
        putKey("api-limit-key", "{\"rate\":1000,\"per\":1,\"access_rights\":{\"keyed\":{\"api_id\":\"keyed\","
                + "\"limit\":{\"rate\":1,\"per\":60}}}}");
        assertThat(post("/keyed/in", "api-limit-key").statusCode()).isEqualTo(200);
        assertThat(post("/keyed/in", "api-limit-key").statusCode()).isEqualTo(429);
    }

    @Test
    void aQuotaIs403WhenUsedUpAndEveryAnswerCountsDown() throws Exception {
        putKey("quota-key", "{\"quota_max\":2,\"quota_renewal_rate\":3600,\"access_rights\":{\"keyed\":{\"api_id\":\"keyed\"}}}");
        HttpResponse<String> first = post("/keyed/in", "quota-key");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
        assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("1");
        long reset = Long.parseLong(first.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        assertThat(reset).isBetween(Instant.now().getEpochSecond() + 3500, Instant.now().getEpochSecond() + 3601);
        assertThat(post("/keyed/in", "quota-key").headers().firstValue("X-RateLimit-Remaining")).hasValue("0");

        HttpResponse<String> over = post("/keyed/in", "quota-key");
        assertThat(over.statusCode()).isEqualTo(403);
        assertThat(over.body()).isEqualTo("{\"error\":\"Quota exceeded\"}");
        assertThat(over.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
    }

    @Test
    void anApiRateLimitIsSharedByAllItsClients() throws Exception {
        assertThat(post("/throttled/in", null).statusCode()).isEqualTo(200);
        assertThat(post("/throttled/in", null).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = post("/throttled/in", null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo("{\"error\":\"API Rate Limit Exceeded\"}");
    }

    @Test
    void anEndpointRateLimitHoldsForItsOperationOnly() throws Exception {
        putKey("ops-key", "{\"access_rights\":{\"ops\":{\"api_id\":\"ops\"}}}");
        assertThat(post("/ops/in", "ops-key").statusCode()).isEqualTo(200);
        assertThat(post("/ops/in", "ops-key").statusCode()).isEqualTo(200);
        HttpResponse<String> limited = post("/ops/in", "ops-key");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo("{\"error\":\"API Rate Limit Exceeded\"}");
        assertThat(post("//ops/./in", "ops-key").statusCode()).as("another spelling, same operation").isEqualTo(429);
        for (int i = 0; i < 5; i++) {
            assertThat(post("/ops/other", "ops-key").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anOperationThatIgnoresAuthenticationIsServedWithoutAKey() throws Exception {
        assertThat(post("/ops/open", null).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = post("/ops/other", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo("{\"error\":\"Authorization field missing\"}");
    }
}
