package io.sluice.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import io.sluice.auth.KeyStore;
import io.sluice.auth.Session;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Key sessions in Redis as Tyk keeps them: the session's JSON under {@code apikey-<id>}. Every read fetches the
 * JSON, so a change another node made is seen by the next request; while the JSON is unchanged the same session
 * object comes back, so what is built from it ({@link io.sluice.auth.Policies}) is built once.
 */
final class RedisKeyStore implements KeyStore {

    static final String PREFIX = "apikey-";
    /** Enough for every key in steady use; past it the cache starts again (each key is parsed once more). */
    private static final int PARSED_LIMIT = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A session and the exact JSON it was read from. */
    private record Parsed(String json, Session session) {
    }

    private final RedisCommands<String, String> redis;
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    RedisKeyStore(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public Optional<Session> get(String key) {
        String json = redis.get(PREFIX + key);
        if (json == null) {
            parsed.remove(key);
            return Optional.empty();
        }
        Parsed known = parsed.get(key);
        if (known != null && known.json().equals(json)) {
            return Optional.of(known.session());
        }
        try {
            JsonNode session = JSON.readTree(json);
            // Something else wrote that entry: treat it as no key rather than fail every request.
            if (!(session instanceof ObjectNode o)) {
                return Optional.empty();
            }
            return Optional.of(remember(key, json, new Session(o)).session());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, Session session) {
        try {
            String json = JSON.writeValueAsString(session.json());
            redis.set(PREFIX + key, json);
            remember(key, json, session);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean delete(String key) {
        parsed.remove(key);
        return redis.del(PREFIX + key) > 0;
    }

    private Parsed remember(String key, String json, Session session) {
        if (parsed.size() >= PARSED_LIMIT) {
            parsed.clear();
        }
        Parsed p = new Parsed(json, session);
        parsed.put(key, p);
        return p;
    }

    /** SCAN, not KEYS: it does not hold Redis up while it walks a large key space. */
    @Override
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        ScanArgs match = ScanArgs.Builder.matches(PREFIX + "*").limit(1000);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, match);
            page.getKeys().forEach(k -> keys.add(k.substring(PREFIX.length())));
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }
}
