package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.runtime.config.Hashing;
import io.sluice.runtime.config.SluiceConfig;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tyk's auth token on stream APIs, and the Gateway API's keys, as a Tyk user would drive them. */
class AuthTokenTest {

    static final String SECRET = "352d20ee67be67f6340b4c0605b044b7";
    static final ObjectMapper JSON = new ObjectMapper();
    static SluiceServer sluice;

    @BeforeAll
    static void start() throws Exception {
        // Keys kept as they are (hash_keys off), so that the list shows them; KeysApiTest covers hashed keys.
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0).withSecret(SECRET)
                .withHashing(new Hashing(false, "", false)));
        deploy("orders", """
                "components":{"securitySchemes":{"authToken":{"type":"apiKey","in":"header","name":"Authorization"}}},
                "security":[{"authToken":[]}],""", """
                "authentication":{"enabled":true,"securitySchemes":{"authToken":{"enabled":true,
                  "query":{"enabled":true,"name":"authorization"}}}},""");
        deploy("other", """
                "components":{"securitySchemes":{"authToken":{"type":"apiKey","in":"header","name":"Authorization"}}},""", """
                "authentication":{"enabled":true,"securitySchemes":{"authToken":{"enabled":true}}},""");
        deploy("basic", """
                "components":{"securitySchemes":{"basic":{"type":"http","scheme":"basic"}}},
                "security":[{"basic":[]}],""", """
                "authentication":{"enabled":true,"securitySchemes":{"basic":{"enabled":true}}},""");
        deploy("oauthonly", """
                "components":{"securitySchemes":{"o":{"type":"oauth2","flows":{}}}},
                "security":[{"o":[]}],""", """
                "authentication":{"enabled":true,"securitySchemes":{"o":{"enabled":true}}},""");
    }

    /** An API with an http_server input at /in and an http_server output whose WebSocket path is /ws. */
    private static void deploy(String name, String openApiParts, String authentication) {
        String doc = """
                {"openapi":"3.0.3","info":{"title":"%1$s","version":"1"},"paths":{},%2$s
                 "x-tyk-api-gateway":{"info":{"id":"%1$s","name":"%1$s","state":{"active":true}},
                   "server":{%3$s"listenPath":{"value":"/%1$s/","strip":true}},"upstream":{"url":""}},
                 "x-tyk-streaming":{"streams":{
                   "in":{"input":{"http_server":{"path":"/in","timeout":"2s"}},"output":{"drop":{}}},
                   "out":{"input":{"http_server":{"path":"/never"}},"output":{"http_server":{"ws_path":"/ws"}}}}}}
                """.formatted(name, openApiParts, authentication);
        assertThat(sluice.deploy(name + ".json", doc.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
    }

    @AfterAll
    static void stop() {
        sluice.close();
    }

    private static HttpResponse<String> admin(String method, String path, String body, String secret) throws Exception {
        return HttpClients.admin(sluice.port(), secret, method, path, body);
    }

    private static String createKey(String sessionJson) throws Exception {
        HttpResponse<String> r = admin("POST", "/tyk/keys/create", sessionJson, SECRET);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.path("action").asText()).isEqualTo("added");
        return body.path("key").asText();
    }

    private static HttpResponse<String> post(String path, String authorization) throws Exception {
        return HttpClients.post(sluice.port(), path, "hi", "Authorization", authorization);
    }

    @Test
    void theGatewayApiNeedsTheSecret() throws Exception {
        String refused = "{\"status\":\"error\",\"message\":\"Attempted administrative access with invalid or missing key!\"}";
        HttpResponse<String> none = admin("GET", "/tyk/keys", null, null);
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(none.body())).isEqualTo(JSON.readTree(refused));
        assertThat(admin("GET", "/tyk/keys", null, SECRET + "x").statusCode()).isEqualTo(403);
        assertThat(admin("GET", "/tyk/keys", null, SECRET).statusCode()).isEqualTo(200);
    }

    @Test
    void keysNeedAccessRights() throws Exception {
        HttpResponse<String> r = admin("POST", "/tyk/keys/create", "{\"rate\":10,\"per\":1}", SECRET);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("keys must have at least one Access Rights record set");
    }

    @Test
    void requestsNeedAKeyWithAccessToTheApi() throws Exception {
        String key = createKey("{\"expires\":-1,\"access_rights\":{\"orders\":{\"api_id\":\"orders\",\"versions\":[\"Default\"]}}}");

        HttpResponse<String> missing = post("/orders/in", null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("{\"error\":\"Authorization field missing\"}");
        HttpResponse<String> unknown = post("/orders/in", "not-a-key");
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Access to this API has been disallowed\"}");

        assertThat(post("/orders/in", key).statusCode()).isEqualTo(200);
        assertThat(post("/orders/in", "Bearer " + key).statusCode()).isEqualTo(200);
        assertThat(post("/other/in", key).statusCode()).as("no access rights to that API").isEqualTo(403);

        JsonNode stored = JSON.readTree(admin("GET", "/tyk/keys/" + key, null, SECRET).body());
        assertThat(stored.at("/access_rights/orders/api_id").asText()).isEqualTo("orders");
        assertThat(admin("GET", "/tyk/keys", null, SECRET).body()).contains(key);
        HttpResponse<String> byHash = admin("GET", "/tyk/keys/" + key + "?hashed=true", null, SECRET);
        assertThat(byHash.statusCode()).isEqualTo(400);
        assertThat(byHash.body()).contains("Key requested by hash but key hashing is not enabled");

        assertThat(JSON.readTree(admin("DELETE", "/tyk/keys/" + key, null, SECRET).body()).path("action").asText())
                .isEqualTo("deleted");
        assertThat(post("/orders/in", key).statusCode()).isEqualTo(403);
        assertThat(admin("GET", "/tyk/keys/" + key, null, SECRET).statusCode()).isEqualTo(404);
    }

    @Test
    void expiredAndUpdatedKeys() throws Exception {
        HttpResponse<String> custom = admin("POST", "/tyk/keys/my-custom-key",
                "{\"expires\":1,\"access_rights\":{\"orders\":{\"api_id\":\"orders\"}}}", SECRET);
        assertThat(custom.statusCode()).isEqualTo(200);
        HttpResponse<String> expired = post("/orders/in", "my-custom-key");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).isEqualTo("{\"error\":\"Key has expired, please renew\"}");

        HttpResponse<String> renewed = admin("PUT", "/tyk/keys/my-custom-key",
                "{\"expires\":0,\"access_rights\":{\"orders\":{\"api_id\":\"orders\"}}}", SECRET);
        assertThat(JSON.readTree(renewed.body()).path("action").asText()).isEqualTo("modified");
        assertThat(post("/orders/in", "my-custom-key").statusCode()).isEqualTo(200);
    }

    @Test
    void webSocketUpgradesAuthenticateToo_withTheQueryFormBrowsersCanUse() throws Exception {
        String key = createKey("{\"access_rights\":{\"orders\":{\"api_id\":\"orders\"}}}");
        WebSocket ws = HttpClients.CLIENT.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + sluice.port() + "/orders/ws?authorization=" + key),
                        new WebSocket.Listener() { })
                .get(10, TimeUnit.SECONDS);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);

        try {
            HttpClients.CLIENT.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + sluice.port() + "/orders/ws"), new WebSocket.Listener() { })
                    .join();
            throw new AssertionError("an unauthenticated upgrade was accepted");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(401);
        }
    }

    @Test
    void anAuthMethodSluiceCannotCheckYetIsRefusedNotOpened() throws Exception {
        HttpResponse<String> r = post("/oauthonly/in", "Bearer something");
        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(r.body()).contains("o (oauth2)");
    }

    @Test
    void basicAuthUsersAreKeysWithAPassword() throws Exception {
        assertThat(admin("POST", "/tyk/keys/alice",
                "{\"basic_auth_data\":{\"password\":\"wonderland\"},\"access_rights\":{\"basic\":{\"api_id\":\"basic\"}}}",
                SECRET).statusCode()).isEqualTo(200);
        String good = "Basic " + java.util.Base64.getEncoder().encodeToString("alice:wonderland".getBytes(StandardCharsets.UTF_8));
        String bad = "Basic " + java.util.Base64.getEncoder().encodeToString("alice:looking-glass".getBytes(StandardCharsets.UTF_8));
        assertThat(post("/basic/in", good).statusCode()).isEqualTo(200);
        HttpResponse<String> wrong = post("/basic/in", bad);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("{\"error\":\"User not authorised\"}");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"tyk\"");
        HttpResponse<String> none = post("/basic/in", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).isEqualTo("{\"error\":\"Authorization field missing\"}");
    }
}
