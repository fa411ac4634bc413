package io.sluice.runtime.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.auth.KeyStore;
import io.sluice.auth.Session;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Tyk's Gateway API for keys: {@code POST /tyk/keys} and {@code /tyk/keys/create} (generated key),
 * {@code POST /tyk/keys/{id}} (custom key), {@code GET /tyk/keys} (list), and {@code GET/PUT/DELETE /tyk/keys/{id}},
 * with Tyk's response shapes. Every call needs {@code x-tyk-authorization}.
 */
public final class KeysApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyStore keys;
    private final AdminAuthorization admin;

    public KeysApi(KeyStore keys, String secret) {
        this.keys = keys;
        this.admin = new AdminAuthorization(secret);
    }

    /** Mounts the endpoints on {@code router}, ahead of the gateway front's catch-all. */
    public void mount(Router router) {
        router.route("/tyk/keys*").order(0).handler(this::guard);
        router.route(HttpMethod.GET, "/tyk/keys").order(1).handler(this::list);
        router.route(HttpMethod.POST, "/tyk/keys").order(1).handler(ctx -> create(ctx, generate()));
        router.route(HttpMethod.POST, "/tyk/keys/create").order(1).handler(ctx -> create(ctx, generate()));
        router.route(HttpMethod.POST, "/tyk/keys/:id").order(2).handler(ctx -> create(ctx, ctx.pathParam("id")));
        router.route(HttpMethod.GET, "/tyk/keys/:id").order(2).handler(this::get);
        router.route(HttpMethod.PUT, "/tyk/keys/:id").order(2).handler(this::update);
        router.route(HttpMethod.DELETE, "/tyk/keys/:id").order(2).handler(this::delete);
    }

    private void guard(RoutingContext ctx) {
        if (admin.allows(ctx.request().getHeader(AdminAuthorization.HEADER))) {
            ctx.next();
        } else {
            status(ctx, 403, "error", AdminAuthorization.REFUSED);
        }
    }

    private void list(RoutingContext ctx) {
        ObjectNode out = JSON.createObjectNode();
        keys.keys().forEach(out.putArray("keys")::add);
        if (!out.has("keys")) {
            out.putArray("keys");
        }
        send(ctx, 200, out);
    }

    private void create(RoutingContext ctx, String key) {
        withSession(ctx, session -> {
            if (!session.hasAccessRights()) {
                status(ctx, 400, "error",
                        "Failed to create key, keys must have at least one Access Rights record set.");
                return;
            }
            keys.put(key, session);
            send(ctx, 200, modified(key, "added"));
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
        withSession(ctx, session -> {
            keys.put(key, session);
            send(ctx, 200, modified(key, "modified"));
        });
    }

    private void delete(RoutingContext ctx) {
        String key = ctx.pathParam("id");
        if (keys.delete(key)) {
            send(ctx, 200, modified(key, "deleted"));
        } else {
            status(ctx, 404, "error", "Key not found");
        }
    }

    private void withSession(RoutingContext ctx, java.util.function.Consumer<Session> then) {
        ctx.request().body().onSuccess(body -> {
            JsonNode json;
            try {
                json = JSON.readTree(body.getBytes());
            } catch (JsonProcessingException e) {
                status(ctx, 400, "error", "Request malformed: " + e.getOriginalMessage());
                return;
            } catch (java.io.IOException e) {
                status(ctx, 400, "error", "Request malformed");
                return;
            }
            if (!(json instanceof ObjectNode object)) {
                status(ctx, 400, "error", "Request malformed: a key session must be a JSON object");
                return;
            }
            then.accept(new Session(object));
        }).onFailure(e -> status(ctx, 400, "error", "Request malformed"));
    }

    /** Tyk's generated keys are 32 hex digits (it prefixes the org id when there is one). */
    private static String generate() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static ObjectNode modified(String key, String action) {
        return JSON.createObjectNode().put("key", key).put("status", "ok").put("action", action);
    }

    private static void status(RoutingContext ctx, int code, String status, String message) {
        send(ctx, code, JSON.valueToTree(Map.of("status", status, "message", message)));
    }

    private static void send(RoutingContext ctx, int code, JsonNode body) {
        ctx.response().setStatusCode(code).putHeader("Content-Type", "application/json")
                .end(Buffer.buffer(body.toString()));
    }
}
