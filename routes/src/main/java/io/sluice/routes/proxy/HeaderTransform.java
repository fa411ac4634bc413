package io.sluice.routes.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tyk's {@code transformRequestHeaders} / {@code transformResponseHeaders}: {@code {enabled, add:[{name,value}],
 * remove:[name]}}. Removals run first, then additions replace any header of the same name, as in Tyk.
 * Values are literal (Tyk's {@code $tyk_context} variables are not expanded).
 */
record HeaderTransform(List<String> remove, List<Map.Entry<String, String>> add) {

    static final HeaderTransform NONE = new HeaderTransform(List.of(), List.of());

    static HeaderTransform of(JsonNode node) {
        if (node == null || !node.path("enabled").asBoolean(false)) {
            return NONE;
        }
        List<String> remove = new ArrayList<>();
        node.path("remove").forEach(n -> {
            if (!n.asText("").isBlank()) {
                remove.add(n.asText());
            }
        });
        List<Map.Entry<String, String>> add = new ArrayList<>();
        node.path("add").forEach(n -> {
            String name = n.path("name").asText("");
            if (!name.isBlank()) {
                add.add(Map.entry(name, n.path("value").asText("")));
            }
        });
        return new HeaderTransform(List.copyOf(remove), List.copyOf(add));
    }

    void apply(MultiMap headers) {
        remove.forEach(headers::remove);
        add.forEach(h -> headers.set(h.getKey(), h.getValue()));
    }
}
