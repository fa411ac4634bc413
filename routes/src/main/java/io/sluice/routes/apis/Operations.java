package io.sluice.routes.apis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.sluice.translator.model.ApiDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OpenAPI operations of one API ({@code paths.<template>.<method>.operationId}) and the Tyk middleware
 * configured for them ({@code x-tyk-api-gateway.middleware.operations.<operationId>}), matched against a request's
 * method and its path below the listen path. A {@code {name}} in a template matches one path segment (or part of
 * one), as OpenAPI defines it; a literal template wins over a templated one, and among templated ones the one with
 * more literal characters wins, so {@code /orders/mine} beats {@code /orders/{id}}.
 */
public final class Operations {

    /** A matched operation; {@code middleware} is a missing node when Tyk configures nothing for it. */
    public record Operation(String id, String method, String pathTemplate, JsonNode middleware) {

        /** The middleware's {@code <name>} object when it is there and {@code enabled}, else null. */
        public JsonNode enabled(String name) {
            JsonNode m = middleware.path(name);
            return m.path("enabled").asBoolean(false) ? m : null;
        }
    }

    private record Candidate(Operation operation, Pattern path, int literalChars, boolean templated) {
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Operations NONE = new Operations(List.of());

    private final List<Candidate> candidates;

    private Operations(List<Candidate> candidates) {
        this.candidates = candidates;
    }

    public static Operations of(ApiDefinition api) {
        JsonNode doc = api.document();
        if (doc == null || !doc.path("paths").isObject()) {
            return NONE;
        }
        JsonNode configured = doc.at("/x-tyk-api-gateway/middleware/operations");
        List<Candidate> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toLowerCase(Locale.ROOT);
                String id = op.getValue().path("operationId").asText("");
                if (!METHODS.contains(method) || id.isEmpty()) {
                    continue; // Tyk ties middleware to operationIds: an operation without one has none
                }
                JsonNode middleware = configured.has(id) ? configured.get(id) : MissingNode.getInstance();
                found.add(candidate(new Operation(id, method.toUpperCase(Locale.ROOT), path.getKey(), middleware)));
            }
        }
        found.sort(Comparator.comparing(Candidate::templated)
                .thenComparing(Comparator.comparingInt(Candidate::literalChars).reversed()));
        return found.isEmpty() ? NONE : new Operations(List.copyOf(found));
    }

    /** The operation serving {@code method} on {@code path} (relative to the listen path), or null. */
    public Operation match(String method, String path) {
        for (Candidate c : candidates) {
            if (c.operation.method().equalsIgnoreCase(method) && c.path.matcher(path).matches()) {
                return c.operation;
            }
        }
        return null;
    }

    private static Candidate candidate(Operation operation) {
        String template = operation.pathTemplate();
        if (template.length() > 1 && template.endsWith("/")) {
            template = template.substring(0, template.length() - 1); // matched with or without the slash below
        }
        StringBuilder regex = new StringBuilder();
        int literal = 0;
        boolean templated = false;
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                literal += template.length() - i;
                break;
            }
            if (open > i) {
                regex.append(Pattern.quote(template.substring(i, open)));
                literal += open - i;
            }
            regex.append("[^/]+");
            templated = true;
            i = close + 1;
        }
        String body = regex.toString();
        // "/orders" and "/orders/" name the same resource
        return new Candidate(operation, Pattern.compile(body.isEmpty() ? "/?" : body + "/?"), literal, templated);
    }
}
