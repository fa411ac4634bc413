package io.sluice.auth;

import java.util.List;
import java.util.Optional;

/** Where key sessions live: in memory for one node, in Redis when several nodes share them. */
public interface KeyStore {

    Optional<Session> get(String key);

    /** True when reads go over the network (Redis): the gateway then keeps them off the event loop. */
    default boolean remote() {
        return false;
    }

    void put(String key, Session session);

    /** @return false when there was no such key */
    boolean delete(String key);

    List<String> keys();
}
