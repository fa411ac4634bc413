package io.sluice.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Tyk security policies by id ({@code policies.policy_path}, or created through {@code /tyk/policies}). */
public interface PolicyStore {

    Optional<ObjectNode> get(String id);

    void put(String id, ObjectNode policy);

    /** @return false when there was no such policy */
    boolean delete(String id);

    List<ObjectNode> all();

    /**
     * Changes after every put or delete, once the change can be read: what {@link Policies} caches against, so
     * a session built from the policies of one version is rebuilt when any policy changes.
     */
    long version();
}
