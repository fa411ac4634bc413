package io.sluice.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Tyk's key hashing ({@code hash_keys}, {@code hash_key_function}): the id a key is stored under, and the token a
 * new key gets. As in Tyk, a token names the function it is hashed with: with a {@code hash_key_function} set, new
 * keys are Tyk's base64 JSON tokens {@code {"org":…,"id":…,"h":"<function>"}}, and every other token is hashed
 * with murmur32. Keys made under one setting therefore keep working after it changes, and the ids match the ones
 * a Tyk Gateway writes to the same Redis. Sluice has no organisations, so its tokens carry an empty {@code org}.
 */
public final class KeyHashing {

    public static final KeyHashing OFF = new KeyHashing(false, null);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean enabled;
    /** null: new keys are plain hex and custom keys stay as given (Tyk's default, an empty hash_key_function) */
    private final KeyHashFunction function;

    public KeyHashing(boolean enabled, KeyHashFunction function) {
        this.enabled = enabled;
        this.function = function;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Tyk's hash of a token: with the function its JSON form names, else murmur32. */
    public static String hash(String token) {
        return hash(token, jsonToken(token));
    }

    /** The id a key is stored under: its hash when hashing is on, else the key itself. */
    public String storageId(String token) {
        return enabled ? hash(token) : token;
    }

    /** A generated key: 32 random hex digits, as a JSON token when a function is set. */
    public String newToken() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return token(HexFormat.of().formatHex(b));
    }

    /** The token a key made with this id (a custom key) gets: the id itself, or the JSON token naming the function. */
    public String token(String id) {
        if (function == null) {
            return id;
        }
        ObjectNode json = JSON.createObjectNode().put("org", "").put("id", id).put("h", function.tykName());
        return Base64.getEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The ids a presented key may be stored under, the likelier first. A custom key made while a function was set
     * is stored as its JSON token, so its plain id is looked up both ways, as Tyk does.
     */
    public List<String> storageIds(String presented) {
        ObjectNode json = jsonToken(presented);
        String asIs = enabled ? hash(presented, json) : presented;
        if (function == null || json != null) {
            return List.of(asIs);
        }
        return List.of(storageId(token(presented)), asIs);
    }

    private static String hash(String token, ObjectNode json) {
        String named = json == null ? "" : json.path("h").asText("");
        return KeyHashFunction.named(named).orElse(KeyHashFunction.MURMUR32).hash(token);
    }

    /** Tyk's JSON token form (standard base64 of a JSON object, so it starts with "ey"), or null. */
    private static ObjectNode jsonToken(String token) {
        if (!token.startsWith("ey") || token.length() % 4 != 0) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(Base64.getDecoder().decode(token));
            return json instanceof ObjectNode o ? o : null;
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }
}
