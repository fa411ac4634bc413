package io.sluice.runtime.api;

import static io.sluice.runtime.api.GatewayApiReplies.JSON;
import static io.sluice.runtime.api.GatewayApiReplies.modified;
import static io.sluice.runtime.api.GatewayApiReplies.send;
import static io.sluice.runtime.api.GatewayApiReplies.status;
import static io.sluice.runtime.api.GatewayApiReplies.withObject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.auth.PolicyStore;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Tyk's Gateway API for security policies: {@code GET/POST /tyk/policies}, {@code GET/PUT/DELETE
 * /tyk/policies/{id}}; and loading {@code policies.policy_path} (a JSON object of policies by id) at start.
 */
public final class PoliciesApi {

    private final PolicyStore policies;
    private final AdminAuthorization admin;

    public PoliciesApi(PolicyStore policies, String secret) {
        this.policies = policies;
        this.admin = new AdminAuthorization(secret);
    }

    /** Loads Tyk's policy file: {@code {"<id>": {policy}, …}} (an array of policies with "id" works too). */
    public static int load(Path file, PolicyStore into) throws IOException {
        JsonNode root = JSON.readTree(Files.readAllBytes(file));
        int n = 0;
        if (root.isObject()) {
            for (var it = root.fields(); it.hasNext(); n++) {
                var e = it.next();
                if (!(e.getValue() instanceof ObjectNode policy)) {
                    throw new IOException(file + ": policy '" + e.getKey() + "' must be an object");
                }
                into.put(e.getKey(), policy);
            }
        } else if (root.isArray()) {
            for (JsonNode p : root) {
                if (!(p instanceof ObjectNode policy) || p.path("id").asText("").isEmpty()) {
                    throw new IOException(file + ": every policy in the list needs an \"id\"");
                }
                into.put(p.path("id").asText(), policy);
                n++;
            }
        } else {
            throw new IOException(file + ": expected an object of policies by id");
        }
        return n;
    }

    public void mount(Router router) {
        router.route("/tyk/policies*").order(0).handler(ctx -> GatewayApiReplies.guard(ctx, admin));
        router.route(HttpMethod.GET, "/tyk/policies").order(1).handler(this::list);
        router.route(HttpMethod.POST, "/tyk/policies").order(1).handler(ctx -> withObject(ctx, p -> {
            String id = p.path("id").asText("");
            if (id.isEmpty()) {
                id = UUID.randomUUID().toString().replace("-", "");
                p.put("id", id);
            }
            policies.put(id, p);
            modified(ctx, id, "added");
        }));
        router.route(HttpMethod.GET, "/tyk/policies/:id").order(2).handler(ctx -> policies.get(ctx.pathParam("id"))
                .ifPresentOrElse(p -> send(ctx, 200, p), () -> status(ctx, 404, "error", "Policy not found")));
        router.route(HttpMethod.PUT, "/tyk/policies/:id").order(2).handler(this::update);
        router.route(HttpMethod.DELETE, "/tyk/policies/:id").order(2).handler(ctx -> {
            if (policies.delete(ctx.pathParam("id"))) {
                modified(ctx, ctx.pathParam("id"), "deleted");
            } else {
                status(ctx, 404, "error", "Policy not found");
            }
        });
    }

    private void list(RoutingContext ctx) {
        ArrayNode out = JSON.createArrayNode();
        policies.all().forEach(out::add);
        send(ctx, 200, out);
    }

    private void update(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (policies.get(id).isEmpty()) {
            status(ctx, 404, "error", "Policy not found");
            return;
        }
        withObject(ctx, p -> {
            p.put("id", id);
            policies.put(id, p);
            modified(ctx, id, "modified");
        });
    }
}
