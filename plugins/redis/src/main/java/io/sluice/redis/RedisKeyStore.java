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
import java.util.Optional;

/** Key sessions in Redis as Tyk keeps them: the session's JSON under {@code apikey-<key>}. */
final class RedisKeyStore implements KeyStore {

    @Override
    public boolean remote() {
        return true;
    }


    static final String PREFIX = "apikey-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisCommands<String, String> redis;

    RedisKeyStore(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public Optional<Session> get(String key) {
        String json = redis.get(PREFIX + key);
        if (json == null) {
            return Optional.empty();
        }
        try {
            JsonNode session = JSON.readTree(json);
            // Something else wrote that entry: treat it as no key rather than fail every request.
            return session instanceof ObjectNode o ? Optional.of(new Session(o)) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, Session session) {
        try {
            redis.set(PREFIX + key, JSON.writeValueAsString(session.json()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean delete(String key) {
        return redis.del(PREFIX + key) > 0;
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
