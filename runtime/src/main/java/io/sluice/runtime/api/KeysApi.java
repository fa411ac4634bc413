package io.sluice.runtime.api;

import static io.sluice.runtime.api.GatewayApiReplies.JSON;
import static io.sluice.runtime.api.GatewayApiReplies.modified;
import static io.sluice.runtime.api.GatewayApiReplies.send;
import static io.sluice.runtime.api.GatewayApiReplies.status;
import static io.sluice.runtime.api.GatewayApiReplies.withObject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.auth.KeyStore;
import io.sluice.auth.Session;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Tyk's Gateway API for keys: {@code POST /tyk/keys} and {@code /tyk/keys/create} (generated key),
 * {@code POST /tyk/keys/{id}} (custom key), {@code GET /tyk/keys} (list), and {@code GET/PUT/DELETE /tyk/keys/{id}},
 * with Tyk's response shapes. Every call needs {@code x-tyk-authorization}.
 */
public final class KeysApi {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyStore keys;
    private final AdminAuthorization admin;

    public KeysApi(KeyStore keys, String secret) {
        this.keys = keys;
        this.admin = new AdminAuthorization(secret);
    }

    /** Mounts the endpoints on {@code router}, ahead of the gateway front's catch-all. */
    public void mount(Router router) {
        router.route("/tyk/keys*").order(0).handler(ctx -> GatewayApiReplies.guard(ctx, admin));
        router.route(HttpMethod.GET, "/tyk/keys").order(1).handler(this::list);
        router.route(HttpMethod.POST, "/tyk/keys").order(1).handler(ctx -> create(ctx, generate()));
        router.route(HttpMethod.POST, "/tyk/keys/create").order(1).handler(ctx -> create(ctx, generate()));
        router.route(HttpMethod.POST, "/tyk/keys/:id").order(2).handler(ctx -> create(ctx, ctx.pathParam("id")));
        router.route(HttpMethod.GET, "/tyk/keys/:id").order(2).handler(this::get);
        router.route(HttpMethod.PUT, "/tyk/keys/:id").order(2).handler(this::update);
        router.route(HttpMethod.DELETE, "/tyk/keys/:id").order(2).handler(this::delete);
    }

    private void list(RoutingContext ctx) {
        ObjectNode out = JSON.createObjectNode();
        var list = out.putArray("keys");
        keys.keys().forEach(list::add);
        send(ctx, 200, out);
    }

    private void create(RoutingContext ctx, String key) {
        withObject(ctx, json -> {
            Session session = new Session(json);
            if (!session.hasAccessRights() && !json.path("apply_policies").isArray()) {
                status(ctx, 400, "error",
                        "Failed to create key, keys must have at least one Access Rights record set.");
                return;
            }
            keys.put(key, session);
            modified(ctx, key, "added");
        });
    }

    private void get(RoutingContext ctx) {
        keys.get(ctx.pathParam("id")).ifPresentOrElse(s -> send(ctx, 200, s.json()),
                () -> status(ctx, 404, "error", "Key not found"));
    }

    private void update(RoutingContext ctx) {
        String key = ctx.pathParam("id");
        if (keys.get(key).isEmpty()) {
            status(ctx, 404, "error", "Key not found");
            return;
        }
        withObject(ctx, json -> {
            keys.put(key, new Session(json));
            modified(ctx, key, "modified");
        });
    }

    private void delete(RoutingContext ctx) {
        String key = ctx.pathParam("id");
        if (keys.delete(key)) {
            modified(ctx, key, "deleted");
        } else {
            status(ctx, 404, "error", "Key not found");
        }
    }

    /** Tyk's generated keys are 32 hex digits (it prefixes the org id when there is one). */
    private static String generate() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
