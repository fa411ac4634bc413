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
        send(ctx, 200, JSON.createObjectNode().put("key", id).put("status", "ok").put("action", action));
    }

    /** {@code {"status": status, "message": message}} */
    static void status(RoutingContext ctx, int code, String status, String message) {
        send(ctx, code, JSON.valueToTree(Map.of("status", status, "message", message)));
    }

    static void send(RoutingContext ctx, int code, JsonNode body) {
        ctx.response().setStatusCode(code).putHeader("Content-Type", "application/json").end(Buffer.buffer(body.toString()));
    }

    /** Reads the body as a JSON object, answering 400 when it is not one. */
    static void withObject(RoutingContext ctx, Consumer<ObjectNode> then) {
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
            if (json instanceof ObjectNode object) {
                then.accept(object);
            } else {
                status(ctx, 400, "error", "Request malformed: expected a JSON object");
            }
        }).onFailure(e -> status(ctx, 400, "error", "Request malformed"));
    }
}
