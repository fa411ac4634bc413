package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.sluice.runtime.config.Hashing;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.config.Storage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Sluice nodes sharing one Redis (tyk.conf {@code storage}), as behind a load balancer: a key made on one
 * works on the other, and key rate limits, quotas and API rate limits are one limit across both.
 */
class SharedLimitsTest {

    static final String SECRET = "shared-secret";
    static RedisServerProcess redis;
    static SluiceServer a;
    static SluiceServer b;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServerProcess.start();
        // Keys hashed (the default), with the hashes listed so that the list can be checked on either node.
        SluiceConfig config = SluiceConfig.defaults().withPort(0).withSecret(SECRET)
                .withStorage(new Storage("127.0.0.1", redis.port())).withHashing(new Hashing(true, "", true));
        a = SluiceServer.start(config);
        b = SluiceServer.start(config);
        for (SluiceServer node : new SluiceServer[] {a, b}) {
            deploy(node, "keyed", """
                    "components":{"securitySchemes":{"t":{"type":"apiKey","in":"header","name":"Authorization"}}},
                    "security":[{"t":[]}],""", "\"authentication\":{\"enabled\":true,\"securitySchemes\":{\"t\":{\"enabled\":true}}},", "");
            deploy(node, "throttled", "", "", ",\"rateLimit\":{\"enabled\":true,\"rate\":3,\"per\":\"1m\"}");
        }
    }

    private static void deploy(SluiceServer node, String name, String openApiParts, String authentication,
                               String upstreamExtra) {
        String doc = """
                {"openapi":"3.0.3","info":{"title":"%1$s","version":"1"},"paths":{},%2$s
                 "x-tyk-api-gateway":{"info":{"id":"%1$s","name":"%1$s","state":{"active":true}},
                   "server":{%3$s"listenPath":{"value":"/%1$s/","strip":true}},"upstream":{"url":""%4$s}},
                 "x-tyk-streaming":{"streams":{"in":{"input":{"http_server":{"path":"/in"}},"output":{"drop":{}}}}}}
                """.formatted(name, openApiParts, authentication, upstreamExtra);
        assertThat(node.deploy(name + ".json", doc.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {a, b, redis}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static HttpResponse<String> admin(SluiceServer node, String method, String path, String body)
            throws Exception {
        return HttpClients.admin(node.port(), SECRET, method, path, body);
    }

    /** @return the key's hash, as the Gateway API answered it */
    private static String putKey(SluiceServer node, String key, String session) throws Exception {
        HttpResponse<String> r = admin(node, "POST", "/tyk/keys/" + key, session);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("key_hash").asText();
    }

    private static HttpResponse<String> post(SluiceServer node, String path, String key) throws Exception {
        return HttpClients.post(node.port(), path, "x", "Authorization", key);
    }

    /** The node the i-th request of a round-robin load balancer lands on. */
    /** With Redis the front runs off the event loop; streams must still subscribe, deliver and notice hang-ups. */
    @Test
    void streamsStillWorkWhenTheFrontRunsOffTheEventLoop() throws Exception {
        assertThat(a.deploy("bridge.json", Definitions.streamApi("bridge", Definitions.httpIn("/in", "5s"),
                Definitions.httpOut("\"stream_path\":\"/events\",\"ws_path\":\"/ws\",\"ws_message_type\":\"text\""))).problems())
                .isEmpty();
        try (HttpClients.StreamReader sse = new HttpClients.StreamReader(a.port(), "/bridge/events")) {
            assertThat(HttpClients.post(a.port(), "/bridge/in", "over sse").statusCode()).isEqualTo(200);
            assertThat(sse.lines.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("over sse");
        }
        // The SSE client hung up: the next message must go to the WebSocket client, not to the dead stream.
        java.util.concurrent.BlockingQueue<String> frames = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.WebSocket ws = HttpClients.CLIENT.newWebSocketBuilder()
                .buildAsync(java.net.URI.create("ws://127.0.0.1:" + a.port() + "/bridge/ws"), new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data, boolean last) {
                        frames.add(data.toString());
                        w.request(1);
                        return null;
                    }
                }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            HttpClients.post(a.port(), "/bridge/in", "over ws");
            return frames.contains("over ws");
        });
        ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done").get(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static SluiceServer node(int i) {
        return i % 2 == 0 ? a : b;
    }

    @Test
    void aKeyMadeOnOneNodeWorksOnTheOtherAndIsListedThere() throws Exception {
        String hash = putKey(a, "shared-key", "{\"access_rights\":{\"keyed\":{\"api_id\":\"keyed\"}}}");
        assertThat(post(b, "/keyed/in", "shared-key").statusCode()).isEqualTo(200);
        assertThat(admin(b, "GET", "/tyk/keys", null).body()).contains("\"" + hash + "\"").doesNotContain("shared-key");
        assertThat(admin(b, "GET", "/tyk/keys/shared-key", null).body()).contains("\"keyed\"");

        assertThat(admin(b, "DELETE", "/tyk/keys/shared-key", null).statusCode()).isEqualTo(200);
        assertThat(post(a, "/keyed/in", "shared-key").statusCode()).isEqualTo(403);
    }

    @Test
    void aKeysRateLimitIsOneLimitAcrossTheNodes() throws Exception {
        putKey(a, "rate-key", "{\"rate\":4,\"per\":60,\"access_rights\":{\"keyed\":{\"api_id\":\"keyed\"}}}");
        for (int i = 0; i < 4; i++) {
            assertThat(post(node(i), "/keyed/in", "rate-key").statusCode()).as("request %d", i).isEqualTo(200);
        }
        for (SluiceServer node : new SluiceServer[] {a, b}) {
            HttpResponse<String> limited = post(node, "/keyed/in", "rate-key");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.body()).isEqualTo("{\"error\":\"Rate Limit Exceeded\"}");
        }
    }

    @Test
    void aQuotaIsOneCountAcrossTheNodes() throws Exception {
        putKey(b, "quota-key", "{\"quota_max\":3,\"quota_renewal_rate\":3600,"
                + "\"access_rights\":{\"keyed\":{\"api_id\":\"keyed\"}}}");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = post(node(i), "/keyed/in", "quota-key");
            assertThat(r.statusCode()).as("request %d", i).isEqualTo(200);
            assertThat(r.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(2 - i));
        }
        for (SluiceServer node : new SluiceServer[] {a, b}) {
            HttpResponse<String> over = post(node, "/keyed/in", "quota-key");
            assertThat(over.statusCode()).isEqualTo(403);
            assertThat(over.body()).isEqualTo("{\"error\":\"Quota exceeded\"}");
        }
    }

    @Test
    void anApiRateLimitIsOneLimitAcrossTheNodes() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post(node(i), "/throttled/in", null).statusCode()).as("request %d", i).isEqualTo(200);
        }
        for (SluiceServer node : new SluiceServer[] {a, b}) {
            HttpResponse<String> limited = post(node, "/throttled/in", null);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.body()).isEqualTo("{\"error\":\"API Rate Limit Exceeded\"}");
        }
    }

    /** Each node keeps the sessions it read while their JSON in Redis is unchanged; a change must still show at once. */
    @Test
    void aKeyChangedOnOneNodeIsSeenAtOnceOnTheOther() throws Exception {
        putKey(a, "changing-key", "{\"access_rights\":{\"keyed\":{\"api_id\":\"keyed\"}}}");
        assertThat(post(b, "/keyed/in", "changing-key").statusCode()).isEqualTo(200);
        assertThat(post(b, "/keyed/in", "changing-key").statusCode()).isEqualTo(200);

        assertThat(admin(a, "PUT", "/tyk/keys/changing-key", "{\"access_rights\":{\"throttled\":{\"api_id\":\"throttled\"}}}")
                .statusCode()).isEqualTo(200);
        assertThat(post(b, "/keyed/in", "changing-key").statusCode()).as("access to keyed was taken away on a")
                .isEqualTo(403);
    }

    @Test
    void aDumpOfRedisHoldsNoUsableKey() throws Exception {
        String hash = putKey(a, "dump-key", "{\"rate\":100,\"per\":60,\"quota_max\":100,\"quota_renewal_rate\":3600,"
                + "\"access_rights\":{\"keyed\":{\"api_id\":\"keyed\"}}}");
        assertThat(post(b, "/keyed/in", "dump-key").statusCode()).isEqualTo(200);

        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", redis.port()));
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            var names = c.sync().keys("*");
            assertThat(names).contains("apikey-" + hash);
            assertThat(names).as("the session, its rate limit and its quota are all kept under the hash")
                    .noneMatch(name -> name.contains("dump-key"))
                    .contains("sluice-limit-quota:" + hash).anyMatch(name -> name.startsWith("sluice-limit-key:" + hash));
        } finally {
            client.shutdown();
        }
    }
}
