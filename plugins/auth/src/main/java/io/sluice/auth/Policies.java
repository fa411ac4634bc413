package io.sluice.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.routes.front.GatewayException;
import java.util.List;

/**
 * Applies Tyk security policies to a session, as Tyk does for policies that are not partitioned: the policies'
 * access rights replace the key's own (their union), and their rate limit and quota replace the key's (the most
 * generous policy wins where several apply). A named policy that does not exist or is inactive denies access.
 *
 * <p>The session a key's policies make is built once and kept with the key's session object until any policy
 * changes ({@link PolicyStore#version()}): requests with an unchanged key and unchanged policies copy nothing.
 * A changed key is a new session object (the key stores make one per change, Redis included), so it is rebuilt.
 */
public final class Policies {

    /** A session names a policy that does not exist or is inactive. */
    public static final class UnusablePolicy extends RuntimeException {
        UnusablePolicy(String message) {
            super(message, null, false, false);
        }
    }

    private final PolicyStore store;

    public Policies(PolicyStore store) {
        this.store = store;
    }

    /** The session as its {@code apply_policies} make it; the session itself when it applies none. */
    public Session apply(Session session) {
        try {
            return effective(session);
        } catch (UnusablePolicy e) {
            throw new GatewayException(403, "Access to this API has been disallowed");
        }
    }

    /**
     * As {@link #apply}, saying which policy is unusable rather than refusing access (for the Gateway API).
     *
     * @throws UnusablePolicy naming the policy
     */
    public Session effective(Session session) {
        JsonNode ids = session.json().path("apply_policies");
        if (!ids.isArray() || ids.isEmpty()) {
            return session;
        }
        // Read before the policies: a change made while building leaves this version behind, so it is rebuilt.
        long version = store.version();
        Session.Effective cached = session.effective;
        if (cached != null && cached.policyVersion() == version) {
            return cached.session();
        }
        Session built = build(session, ids);
        session.effective = new Session.Effective(version, built);
        return built;
    }

    /** A session made only of policies (a JWT naming its policies has no key of its own). */
    public Session fromPolicies(List<String> ids) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ids.forEach(json.putArray("apply_policies")::add);
        return apply(new Session(json));
    }

    private Session build(Session session, JsonNode ids) {
        ObjectNode effective = session.json().deepCopy();
        effective.remove("access_rights");
        ObjectNode rights = effective.putObject("access_rights");
        boolean first = true;
        for (JsonNode id : ids) {
            ObjectNode policy = store.get(id.asText())
                    .orElseThrow(() -> new UnusablePolicy("policy '" + id.asText() + "' does not exist"));
            if (!policy.path("active").asBoolean(true)) {
                throw new UnusablePolicy("policy '" + id.asText() + "' is inactive");
            }
            policy.path("access_rights").fields().forEachRemaining(e -> rights.set(e.getKey(), e.getValue()));
            if (first || requestsPerSecond(policy) > requestsPerSecond(effective)) {
                copy(policy, effective, "rate");
                copy(policy, effective, "per");
            }
            if (first || unlimited(policy) || (!unlimited(effective)
                    && policy.path("quota_max").asLong(-1) > effective.path("quota_max").asLong(-1))) {
                copy(policy, effective, "quota_max");
                copy(policy, effective, "quota_renewal_rate");
            }
            first = false;
        }
        return new Session(effective);
    }

    private static double requestsPerSecond(JsonNode limits) {
        double per = limits.path("per").asDouble(0);
        return per <= 0 ? 0 : limits.path("rate").asDouble(0) / per;
    }

    private static boolean unlimited(JsonNode limits) {
        return limits.path("quota_max").asLong(-1) < 0;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }
}
