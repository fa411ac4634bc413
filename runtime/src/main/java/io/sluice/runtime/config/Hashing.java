package io.sluice.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.auth.KeyHashFunction;
import io.sluice.auth.KeyHashing;
import java.nio.file.Path;
import java.util.Map;

/**
 * tyk.conf's key hashing: {@code hash_keys}, {@code hash_key_function} (empty, murmur32, murmur64, murmur128 or
 * sha256) and {@code enable_hashed_keys_listing}.
 *
 * @param hashKeys on unless configured off: a Redis dump then holds no usable key. Tyk's own default is off, but
 *                 the tyk.conf it ships and its docs turn it on.
 */
public record Hashing(boolean hashKeys, String hashKeyFunction, boolean enableHashedKeysListing) {

    public static final Hashing DEFAULT = new Hashing(true, "", false);

    /** What the auth plugin works with. */
    public KeyHashing keyHashing() {
        return new KeyHashing(hashKeys, hashKeyFunction.isEmpty() ? null : KeyHashFunction.named(hashKeyFunction)
                .orElseThrow(() -> new IllegalArgumentException("unknown hash_key_function '" + hashKeyFunction + "'")));
    }

    Hashing merge(JsonNode conf, Path file) {
        String function = hashKeyFunction;
        if (conf.hasNonNull("hash_key_function")) {
            function = checked(conf.get("hash_key_function").asText(), file + ": hash_key_function");
        }
        return new Hashing(ConfValues.boolField(conf, "hash_keys", file, hashKeys), function,
                ConfValues.boolField(conf, "enable_hashed_keys_listing", file, enableHashedKeysListing));
    }

    Hashing withEnvironment(Map<String, String> env) {
        String function = env.containsKey("TYK_GW_HASHKEYFUNCTION")
                ? checked(env.get("TYK_GW_HASHKEYFUNCTION").trim(), "TYK_GW_HASHKEYFUNCTION") : hashKeyFunction;
        return new Hashing(ConfValues.envBool(env, "TYK_GW_HASHKEYS", hashKeys), function,
                ConfValues.envBool(env, "TYK_GW_ENABLEHASHEDKEYSLISTING", enableHashedKeysListing));
    }

    /** An unknown function is refused at start; Tyk would fall back to murmur32 with only a log line. */
    private static String checked(String function, String source) {
        if (!function.isEmpty() && KeyHashFunction.named(function).isEmpty()) {
            throw new IllegalArgumentException(source + ": unknown hash function '" + function
                    + "' (murmur32, murmur64, murmur128 or sha256, or empty)");
        }
        return function;
    }
}
