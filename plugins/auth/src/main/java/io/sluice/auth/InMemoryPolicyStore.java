package io.sluice.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The policies of a single node. */
public final class InMemoryPolicyStore implements PolicyStore {

    private final Map<String, ObjectNode> policies = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    @Override
    public Optional<ObjectNode> get(String id) {
        return Optional.ofNullable(policies.get(id));
    }

    // The version moves after the change: a reader that saw the old version may cache what it built from the new
    // policies, which is only a wasted rebuild; the other order could cache old policies under the new version.
    @Override
    public void put(String id, ObjectNode policy) {
        policies.put(id, policy);
        version.incrementAndGet();
    }

    @Override
    public boolean delete(String id) {
        boolean removed = policies.remove(id) != null;
        version.incrementAndGet();
        return removed;
    }

    @Override
    public List<ObjectNode> all() {
        return List.copyOf(policies.values());
    }

    @Override
    public long version() {
        return version.get();
    }
}
