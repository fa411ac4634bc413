package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.auth.KeyHashFunction;
import io.sluice.runtime.config.Hashing;
import io.sluice.runtime.config.SluiceConfig;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Gateway API's keys with Tyk's key hashing: {@code key_hash}, {@code ?hashed=true}, hashed listing,
 * {@code /tyk/keys/policy/{hash}} and {@code /tyk/keys/preview}. One node runs Sluice's defaults (keys hashed,
 * no hash function: murmur32), the other {@code hash_key_function: sha256} with hashed listing enabled.
 */
class KeysApiTest {

    static final String SECRET = "keys-secret";
    static final ObjectMapper JSON = new ObjectMapper();
    static SluiceServer defaults;
    static SluiceServer sha256;

    @BeforeAll
    static void start() throws Exception {
        defaults = SluiceServer.start(SluiceConfig.defaults().withPort(0).withSecret(SECRET));
        sha256 = SluiceServer.start(SluiceConfig.defaults().withPort(0).withSecret(SECRET)
                .withHashing(new Hashing(true, "sha256", true)));
        for (SluiceServer node : new SluiceServer[] {defaults, sha256}) {
            for (String api : new String[] {"orders", "other"}) {
                assertThat(node.deploy(api + ".json", Definitions.keyedApi(api)).problems()).isEmpty();
            }
        }
    }

    @AfterAll
    static void stop() {
        for (SluiceServer node : new SluiceServer[] {defaults, sha256}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static HttpResponse<String> admin(SluiceServer node, String method, String path, String body) throws Exception {
        return HttpClients.admin(node.port(), SECRET, method, path, body);
    }

    /** @return the reply, once it said the key was added */
    private static JsonNode added(SluiceServer node, String path, String session) throws Exception {
        HttpResponse<String> r = admin(node, "POST", path, session);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode reply = JSON.readTree(r.body());
        assertThat(reply.path("status").asText()).isEqualTo("ok");
        assertThat(reply.path("action").asText()).isEqualTo("added");
        return reply;
    }

    private static int post(SluiceServer node, String api, String key) throws Exception {
        return HttpClients.post(node.port(), "/" + api + "/in", "x", "Authorization", key).statusCode();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCustomKeyIsStoredUnderTyksMurmur32HashAndAnsweredWithIt() throws Exception {
        JsonNode reply = added(defaults, "/tyk/keys/hello", "{\"access_rights\":{\"orders\":{\"api_id\":\"orders\"}}}");
        assertThat(reply.path("key").asText()).isEqualTo("hello");
        assertThat(reply.path("key_hash").asText()).as("MurmurHash3 x86_32 of \"hello\"").isEqualTo("248bfa47");

        assertThat(post(defaults, "orders", "hello")).isEqualTo(200);
        assertThat(post(defaults, "orders", "248bfa47")).as("the hash is no key").isEqualTo(403);
        assertThat(admin(defaults, "GET", "/tyk/keys/248bfa47?hashed=true", null).body()).contains("\"orders\"");
        assertThat(admin(defaults, "GET", "/tyk/keys/hello", null).body()).contains("\"orders\"");
        assertThat(admin(defaults, "GET", "/tyk/keys/248bfa47", null).statusCode()).isEqualTo(404);
    }

    /** Moving keys from another gateway: only their hashes are known, and their owners still hold the keys. */
    @Test
    void aKeyCanBeStoredUnderAHashItAlreadyHas() throws Exception {
        String hash = KeyHashFunction.MURMUR32.hash("moved-key");
        JsonNode reply = added(defaults, "/tyk/keys/" + hash + "?hashed=true",
                "{\"access_rights\":{\"orders\":{\"api_id\":\"orders\"}}}");
        assertThat(reply.path("key_hash").asText()).isEqualTo(hash);
        assertThat(post(defaults, "orders", "moved-key")).isEqualTo(200);
    }

    @Test
    void hashedKeysAreListedOnlyWhenListingIsEnabled() throws Exception {
        HttpResponse<String> refused = admin(defaults, "GET", "/tyk/keys", null);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(refused.body())).isEqualTo(JSON.readTree(
                "{\"status\":\"error\",\"message\":\"Hashed key listing is disabled in config (enable_hashed_keys_listing)\"}"));

        JsonNode reply = added(sha256, "/tyk/keys/create", "{\"access_rights\":{\"orders\":{\"api_id\":\"orders\"}}}");
        JsonNode listed = JSON.readTree(admin(sha256, "GET", "/tyk/keys", null).body()).path("keys");
        assertThat(listed.toString()).contains("\"" + reply.path("key_hash").asText() + "\"")
                .doesNotContain(reply.path("key").asText());
    }

    @Test
    void withSha256NewKeysAreTyksTokensAddressedByTheirHash() throws Exception {
        JsonNode reply = added(sha256, "/tyk/keys", "{\"access_rights\":{\"orders\":{\"api_id\":\"orders\"}}}");
        String key = reply.path("key").asText();
        String hash = reply.path("key_hash").asText();
        assertThat(JSON.readTree(Base64.getDecoder().decode(key)).path("h").asText()).isEqualTo("sha256");
        assertThat(hash).isEqualTo(sha256(key));
        assertThat(post(sha256, "orders", key)).isEqualTo(200);

        HttpResponse<String> modified = admin(sha256, "PUT", "/tyk/keys/" + hash + "?hashed=true",
                "{\"access_rights\":{\"other\":{\"api_id\":\"other\"}}}");
        assertThat(JSON.readTree(modified.body()).path("action").asText()).isEqualTo("modified");
        assertThat(post(sha256, "orders", key)).isEqualTo(403);
        assertThat(post(sha256, "other", key)).isEqualTo(200);

        HttpResponse<String> deleted = admin(sha256, "DELETE", "/tyk/keys/" + hash + "?hashed=true", null);
        assertThat(JSON.readTree(deleted.body()).path("action").asText()).isEqualTo("deleted");
        assertThat(post(sha256, "other", key)).isEqualTo(403);
        assertThat(admin(sha256, "GET", "/tyk/keys/" + hash + "?hashed=true", null).statusCode()).isEqualTo(404);
        assertThat(admin(sha256, "DELETE", "/tyk/keys/" + hash + "?hashed=true", null).body())
                .contains("There is no such key found");
    }

    /** As in Tyk: with a hash function set, a custom key becomes a JSON token, and its plain id still works. */
    @Test
    void withSha256ACustomKeyWorksByItsIdAndByItsToken() throws Exception {
        JsonNode reply = added(sha256, "/tyk/keys/partner-key", "{\"access_rights\":{\"orders\":{\"api_id\":\"orders\"}}}");
        String token = reply.path("key").asText();
        assertThat(JSON.readTree(Base64.getDecoder().decode(token)).path("id").asText()).isEqualTo("partner-key");
        assertThat(reply.path("key_hash").asText()).isEqualTo(sha256(token));
        assertThat(post(sha256, "orders", "partner-key")).isEqualTo(200);
        assertThat(post(sha256, "orders", token)).isEqualTo(200);
        assertThat(admin(sha256, "GET", "/tyk/keys/partner-key", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aKeysPoliciesAreSetThroughItsHash() throws Exception {
        assertThat(admin(defaults, "POST", "/tyk/policies",
                "{\"id\":\"orders-only\",\"access_rights\":{\"orders\":{\"api_id\":\"orders\"}}}").statusCode())
                .isEqualTo(200);
        String hash = added(defaults, "/tyk/keys/policy-key", "{\"access_rights\":{\"other\":{\"api_id\":\"other\"}}}")
                .path("key_hash").asText();
        assertThat(post(defaults, "orders", "policy-key")).isEqualTo(403);

        HttpResponse<String> set = admin(defaults, "POST", "/tyk/keys/policy/" + hash,
                "{\"apply_policies\":[\"orders-only\"],\"policy\":\"\"}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(set.body()))
                .isEqualTo(JSON.readTree("{\"key\":\"" + hash + "\",\"status\":\"ok\",\"action\":\"updated\"}"));
        assertThat(post(defaults, "orders", "policy-key")).isEqualTo(200);
        assertThat(post(defaults, "other", "policy-key")).as("the policy's rights replace the key's own").isEqualTo(403);
        assertThat(JSON.readTree(admin(defaults, "GET", "/tyk/keys/policy-key", null).body()).path("apply_policies"))
                .isEqualTo(JSON.readTree("[\"orders-only\"]"));

        HttpResponse<String> unknown = admin(defaults, "POST", "/tyk/keys/policy/0000", "{\"apply_policies\":[]}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Key not found");
        HttpResponse<String> bad = admin(defaults, "POST", "/tyk/keys/policy/" + hash, "{\"apply_policies\":\"orders-only\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Couldn't decode instruction");
    }

    @Test
    void aPreviewShowsTheKeyWithItsPoliciesAndStoresNothing() throws Exception {
        assertThat(admin(sha256, "POST", "/tyk/policies",
                "{\"id\":\"preview-gold\",\"rate\":500,\"per\":1,\"access_rights\":{\"orders\":{\"api_id\":\"orders\"}}}")
                .statusCode()).isEqualTo(200);
        int before = JSON.readTree(admin(sha256, "GET", "/tyk/keys", null).body()).path("keys").size();

        HttpResponse<String> preview = admin(sha256, "POST", "/tyk/keys/preview",
                "{\"apply_policies\":[\"preview-gold\"],\"meta_data\":{\"tier\":\"gold\"}}");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode session = JSON.readTree(preview.body());
        assertThat(session.at("/access_rights/orders/api_id").asText()).isEqualTo("orders");
        assertThat(session.path("rate").asInt()).isEqualTo(500);
        assertThat(session.at("/meta_data/tier").asText()).isEqualTo("gold");
        assertThat(JSON.readTree(admin(sha256, "GET", "/tyk/keys", null).body()).path("keys").size()).isEqualTo(before);

        HttpResponse<String> garbled = admin(sha256, "POST", "/tyk/keys/preview", "{not json");
        assertThat(garbled.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(garbled.body()).path("message").asText()).startsWith("Unmarshalling failed");
        HttpResponse<String> mistyped = admin(sha256, "POST", "/tyk/keys/preview", "{\"rate\":\"ten\"}");
        assertThat(mistyped.statusCode()).isEqualTo(500);
        assertThat(mistyped.body()).contains("rate must be a number");
        HttpResponse<String> missing = admin(sha256, "POST", "/tyk/keys/preview", "{\"apply_policies\":[\"nope\"]}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("policy 'nope' does not exist");
    }

    @Test
    void aSessionOfTheWrongShapeIsRefused() throws Exception {
        HttpResponse<String> r = admin(defaults, "POST", "/tyk/keys/create",
                "{\"access_rights\":{\"orders\":{\"api_id\":\"orders\"}},\"expires\":\"never\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("message").asText()).isEqualTo("Request malformed: expires must be a number, got \"never\"");
    }

    @Test
    void theNewEndpointsNeedTheSecret() throws Exception {
        JsonNode refused = JSON.readTree(
                "{\"status\":\"error\",\"message\":\"Attempted administrative access with invalid or missing key!\"}");
        for (String path : new String[] {"/tyk/keys/preview", "/tyk/keys/policy/248bfa47"}) {
            HttpResponse<String> r = HttpClients.admin(defaults.port(), null, "POST", path, "{}");
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(JSON.readTree(r.body())).isEqualTo(refused);
        }
    }
}
