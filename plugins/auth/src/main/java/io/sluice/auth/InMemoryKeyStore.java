package io.sluice.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The key store of a single node. */
public final class InMemoryKeyStore implements KeyStore {

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public Optional<Session> get(String key) {
        return Optional.ofNullable(sessions.get(key));
    }

    @Override
    public void put(String key, Session session) {
        sessions.put(key, session);
    }

    @Override
    public boolean delete(String key) {
        return sessions.remove(key) != null;
    }

    @Override
    public List<String> keys() {
        return List.copyOf(sessions.keySet());
    }
}
