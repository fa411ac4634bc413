package io.sluice.runtime.api;

import static io.sluice.runtime.api.GatewayApiReplies.JSON;
import static io.sluice.runtime.api.GatewayApiReplies.modified;
import static io.sluice.runtime.api.GatewayApiReplies.send;
import static io.sluice.runtime.api.GatewayApiReplies.status;
import static io.sluice.runtime.api.GatewayApiReplies.withObject;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.auth.KeyHashing;
import io.sluice.auth.Keys;
import io.sluice.auth.Policies;
import io.sluice.auth.Session;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tyk's Gateway API for keys, with Tyk's response shapes: {@code POST /tyk/keys} and {@code /tyk/keys/create}
 * (generated key), {@code POST /tyk/keys/{id}} (custom key), {@code GET /tyk/keys} (list), {@code GET/PUT/DELETE
 * /tyk/keys/{id}}, {@code POST /tyk/keys/policy/{id}} (set a key's policies) and {@code POST /tyk/keys/preview}.
 * When keys are hashed, creations answer the {@code key_hash} too, {@code ?hashed=true} names a key by its hash,
 * and the list holds hashes. Every call needs {@code x-tyk-authorization}.
 */
public final class KeysApi {

    private final Keys keys;
    private final KeyHashing hashing;
    private final Policies policies;
    private final boolean hashedListing;
    private final AdminAuthorization admin;

    /** @param hashedListing tyk.conf's enable_hashed_keys_listing: whether the hashes may be listed */
    public KeysApi(Keys keys, Policies policies, boolean hashedListing, String secret) {
        this.keys = keys;
        this.hashing = keys.hashing();
        this.policies = policies;
        this.hashedListing = hashedListing;
        this.admin = new AdminAuthorization(secret);
    }

    /** Mounts the endpoints on {@code router}, ahead of the gateway front's catch-all. */
    public void mount(Router router) {
        router.route("/tyk/keys*").order(0).handler(ctx -> GatewayApiReplies.guard(ctx, admin));
        router.route(HttpMethod.GET, "/tyk/keys").order(1).handler(this::list);
        router.route(HttpMethod.POST, "/tyk/keys").order(1).handler(ctx -> create(ctx, hashing.newToken(), false));
        router.route(HttpMethod.POST, "/tyk/keys/create").order(1)
                .handler(ctx -> create(ctx, hashing.newToken(), false));
        router.route(HttpMethod.POST, "/tyk/keys/preview").order(1).handler(this::preview);
        router.route(HttpMethod.POST, "/tyk/keys/policy/:id").order(1).handler(this::setPolicies);
        // A custom key gets the token its id makes; ?hashed=true stores a key by a hash it already has.
        router.route(HttpMethod.POST, "/tyk/keys/:id").order(2).handler(ctx -> create(ctx,
                hashed(ctx) ? ctx.pathParam("id") : hashing.token(ctx.pathParam("id")), hashed(ctx)));
        router.route(HttpMethod.GET, "/tyk/keys/:id").order(2).handler(this::get);
        router.route(HttpMethod.PUT, "/tyk/keys/:id").order(2).handler(this::update);
        router.route(HttpMethod.DELETE, "/tyk/keys/:id").order(2).handler(this::delete);
    }

    private void list(RoutingContext ctx) {
        if (hashing.enabled() && !hashedListing) {
            status(ctx, 404, "error", "Hashed key listing is disabled in config (enable_hashed_keys_listing)");
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("keys");
        keys.store().keys().forEach(list::add);
        send(ctx, 200, out);
    }

    /** @param byHash {@code token} is already the id to store under (a hash) */
    private void create(RoutingContext ctx, String token, boolean byHash) {
        withSession(ctx, session -> {
            if (!session.hasAccessRights() && !session.json().path("apply_policies").isArray()) {
                status(ctx, 400, "error",
                        "Failed to create key, keys must have at least one Access Rights record set.");
                return;
            }
            String id = byHash ? token : hashing.storageId(token);
            keys.store().put(id, session);
            // As Tyk: with hashing on, a basic-auth user's key is not echoed; its hash is the handle.
            boolean basicAuth = session.json().has("basic_auth_data");
            modified(ctx, hashing.enabled() && basicAuth ? "" : token, "added", hashing.enabled() ? id : null);
        });
    }

    private void get(RoutingContext ctx) {
        if (hashed(ctx) && !hashing.enabled()) {
            status(ctx, 400, "error", "Key requested by hash but key hashing is not enabled");
            return;
        }
        find(ctx).ifPresentOrElse(key -> send(ctx, 200, key.session().json()),
                () -> status(ctx, 404, "error", "Key not found"));
    }

    private void update(RoutingContext ctx) {
        Optional<Keys.Found> key = find(ctx);
        if (key.isEmpty()) {
            status(ctx, 404, "error", "Key is not found");
            return;
        }
        withSession(ctx, session -> {
            keys.store().put(key.get().id(), session);
            modified(ctx, ctx.pathParam("id"), "modified");
        });
    }

    private void delete(RoutingContext ctx) {
        Optional<Keys.Found> key = find(ctx);
        if (key.isPresent() && keys.store().delete(key.get().id())) {
            modified(ctx, ctx.pathParam("id"), "deleted");
        } else {
            status(ctx, 404, "error", "There is no such key found");
        }
    }

    /** The body of {@code POST /tyk/keys/policy/{id}}, Tyk's PolicyUpdateObj. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record PolicyUpdate(@JsonProperty("apply_policies") List<String> applyPolicies, String policy) {
    }

    /**
     * Tyk's {@code POST /tyk/keys/policy/{id}}: {@code {"apply_policies": [...], "policy": "..."}} replaces the
     * key's policies ({@code policy}, when given, is one more). The key is named by its hash, as with
     * {@code ?hashed=true}; with hashing off that is the key itself.
     */
    private void setPolicies(RoutingContext ctx) {
        withObject(ctx, 400, "Couldn't decode instruction", body -> {
            PolicyUpdate update;
            try {
                update = JSON.treeToValue(body, PolicyUpdate.class);
            } catch (JsonProcessingException e) {
                status(ctx, 400, "error", "Couldn't decode instruction");
                return;
            }
            String id = ctx.pathParam("id");
            Optional<Session> stored = keys.store().get(id);
            if (stored.isEmpty()) {
                status(ctx, 404, "error", "Key not found");
                return;
            }
            // A new session object, never the stored one changed in place: requests in flight may share it.
            ObjectNode json = stored.get().json().deepCopy();
            ArrayNode ids = json.putArray("apply_policies");
            if (update.applyPolicies() != null) {
                update.applyPolicies().forEach(ids::add);
            }
            if (update.policy() != null && !update.policy().isEmpty()) {
                ids.add(update.policy());
            }
            json.put("last_updated", Long.toString(Instant.now().getEpochSecond()));
            keys.store().put(id, new Session(json));
            modified(ctx, id, "updated");
        });
    }

    /** Tyk's {@code POST /tyk/keys/preview}: the key as it would be made, its policies applied, stored nowhere. */
    private void preview(RoutingContext ctx) {
        withObject(ctx, 500, "Unmarshalling failed", json -> {
            String malformed = Session.malformed(json);
            if (malformed != null) {
                status(ctx, 500, "error", "Unmarshalling failed: " + malformed);
                return;
            }
            try {
                send(ctx, 200, policies.effective(new Session(json)).json());
            } catch (Policies.UnusablePolicy e) {
                status(ctx, 400, "error", "The key would be refused: " + e.getMessage());
            }
        });
    }

    /** The body as a session, answering 400 as Tyk does when its typed fields do not fit. */
    private static void withSession(RoutingContext ctx, Consumer<Session> then) {
        withObject(ctx, json -> {
            String malformed = Session.malformed(json);
            if (malformed != null) {
                status(ctx, 400, "error", "Request malformed: " + malformed);
            } else {
                then.accept(new Session(json));
            }
        });
    }

    /** The key the path names: by its stored id with {@code ?hashed=true}, else as a client would present it. */
    private Optional<Keys.Found> find(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        return hashed(ctx) ? keys.store().get(id).map(s -> new Keys.Found(id, s)) : keys.find(id);
    }

    /** Tyk takes any value of {@code hashed} as yes. */
    private static boolean hashed(RoutingContext ctx) {
        String v = ctx.request().getParam("hashed");
        return v != null && !v.isEmpty();
    }
}
