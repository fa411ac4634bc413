package io.sluice.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The policies of a single node. */
public final class InMemoryPolicyStore implements PolicyStore {

    private final Map<String, ObjectNode> policies = new ConcurrentHashMap<>();

    @Override
    public Optional<ObjectNode> get(String id) {
        return Optional.ofNullable(policies.get(id));
    }

    @Override
    public void put(String id, ObjectNode policy) {
        policies.put(id, policy);
    }

    @Override
    public boolean delete(String id) {
        return policies.remove(id) != null;
    }

    @Override
    public List<ObjectNode> all() {
        return List.copyOf(policies.values());
    }
}
