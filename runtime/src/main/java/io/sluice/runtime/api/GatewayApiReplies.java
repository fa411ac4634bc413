package io.sluice.runtime.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Consumer;

/** The Gateway API's answers in Tyk's shapes, and reading its JSON bodies. */
final class GatewayApiReplies {

    static final ObjectMapper JSON = new ObjectMapper();

    private GatewayApiReplies() {
    }

    /** Answers 403 in Tyk's words unless {@code x-tyk-authorization} carries the secret. */
    static void guard(RoutingContext ctx, AdminAuthorization admin) {
        if (admin.allows(ctx.request().getHeader(AdminAuthorization.HEADER))) {
            ctx.next();
        } else {
            status(ctx, 403, "error", AdminAuthorization.REFUSED);
        }
    }

    /** {@code {"key": id, "status": "ok", "action": action}} */
    static void modified(RoutingContext ctx, String id, String action) {
        modified(ctx, id, action, null);
    }

    /** As above, with Tyk's {@code key_hash} when there is one (a key made while keys are hashed). */
    static void modified(RoutingContext ctx, String id, String action, String keyHash) {
        ObjectNode reply = JSON.createObjectNode().put("key", id).put("status", "ok").put("action", action);
        if (keyHash != null) {
            reply.put("key_hash", keyHash);
        }
        send(ctx, 200, reply);
    }

    /** {@code {"status": status, "message": message}} */
    static void status(RoutingContext ctx, int code, String status, String message) {
        send(ctx, code, JSON.valueToTree(Map.of("status", status, "message", message)));
    }

    static void send(RoutingContext ctx, int code, JsonNode body) {
        ctx.response().setStatusCode(code).putHeader("Content-Type", "application/json").end(Buffer.buffer(body.toString()));
    }

    /** Reads the body as a JSON object, answering 400 "Request malformed" when it is not one. */
    static void withObject(RoutingContext ctx, Consumer<ObjectNode> then) {
        withObject(ctx, 400, "Request malformed", then);
    }

    /** Reads the body as a JSON object; when it is not one, answers {@code code} with {@code malformed} and why. */
    static void withObject(RoutingContext ctx, int code, String malformed, Consumer<ObjectNode> then) {
        ctx.request().body().onSuccess(body -> {
            JsonNode json;
            try {
                json = JSON.readTree(body.getBytes());
            } catch (JsonProcessingException e) {
                status(ctx, code, "error", malformed + ": " + e.getOriginalMessage());
                return;
            } catch (java.io.IOException e) {
                status(ctx, code, "error", malformed);
                return;
            }
            if (json instanceof ObjectNode object) {
                then.accept(object);
            } else {
                status(ctx, code, "error", malformed + ": expected a JSON object");
            }
        }).onFailure(e -> status(ctx, code, "error", malformed));
    }
}
