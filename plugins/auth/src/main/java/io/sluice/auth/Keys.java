package io.sluice.auth;

import java.util.Optional;

/** The gateway's keys: the store, and how the keys clients present map to the ids it holds (Tyk's key hashing). */
public final class Keys {

    /** A key as found: the id it is stored under (its hash when hashing is on) and its session. */
    public record Found(String id, Session session) {
    }

    private final KeyStore store;
    private final KeyHashing hashing;

    public Keys(KeyStore store, KeyHashing hashing) {
        this.store = store;
        this.hashing = hashing;
    }

    public KeyStore store() {
        return store;
    }

    public KeyHashing hashing() {
        return hashing;
    }

    /** The key a client (or the Gateway API, by key) names; every auth method finds its key through here. */
    public Optional<Found> find(String presented) {
        for (String id : hashing.storageIds(presented)) {
            Optional<Session> session = store.get(id);
            if (session.isPresent()) {
                return Optional.of(new Found(id, session.get()));
            }
        }
        return Optional.empty();
    }
}
