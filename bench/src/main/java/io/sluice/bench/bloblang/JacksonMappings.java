package io.sluice.bench.bloblang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The baselines: what a developer would write by hand with Jackson's tree model for each mapping,
 * bytes in and bytes out. Null means the message is dropped.
 */
final class JacksonMappings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JacksonMappings() {
    }

    private static JsonNode read(byte[] in) {
        try {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] copyAndRename(byte[] in) {
        JsonNode src = read(in);
        ObjectNode out = JSON.createObjectNode();
        out.set("id", src.get("order_id"));
        out.set("customer_name", src.path("customer").get("name"));
        out.set("customer_email", src.path("customer").get("email"));
        out.set("total", src.get("order_value"));
        out.set("currency", src.get("currency"));
        out.set("city", src.path("shipping").get("city"));
        out.set("status", src.get("status"));
        return write(out);
    }

    /** Kept orders go out as they came in: no need to re-serialise. */
    static byte[] highValueFilter(byte[] in) {
        return read(in).path("order_value").asDouble() > 1000 ? in : null;
    }

    static byte[] stringMethods(byte[] in) {
        JsonNode src = read(in);
        ObjectNode out = JSON.createObjectNode();
        out.put("name", src.get("name").asText().toUpperCase(Locale.ROOT));
        out.put("title", src.get("title").asText().strip());
        out.put("description", src.get("description").asText().replace("foo", "bar"));
        ArrayNode tags = out.putArray("tags");
        for (String t : src.get("tag_list").asText().split(",", -1)) {
            tags.add(t);
        }
        return write(out);
    }

    static byte[] mapEach(byte[] in) {
        JsonNode src = read(in);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("items");
        for (JsonNode item : src.get("items")) {
            ObjectNode o = items.addObject();
            o.set("id", item.get("id"));
            o.put("double", item.get("v").asLong() * 2);
        }
        return write(out);
    }

    /** Bloblang's merge: objects merge key by key, other collisions gather into arrays. */
    static byte[] merge(byte[] in) {
        JsonNode src = read(in);
        ObjectNode out = src.get("defaults").deepCopy();
        mergeInto(out, (ObjectNode) src.get("overrides"));
        return write(out);
    }

    private static void mergeInto(ObjectNode dst, ObjectNode src) {
        for (Iterator<Map.Entry<String, JsonNode>> it = src.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = dst.get(e.getKey());
            JsonNode incoming = e.getValue();
            if (existing == null) {
                dst.set(e.getKey(), incoming.deepCopy());
            } else if (existing.isObject() && incoming.isObject()) {
                mergeInto((ObjectNode) existing, (ObjectNode) incoming);
            } else {
                ArrayNode gathered = existing.isArray() ? (ArrayNode) existing : JSON.createArrayNode().add(existing);
                if (incoming.isArray()) {
                    gathered.addAll((ArrayNode) incoming.deepCopy());
                } else {
                    gathered.add(incoming.deepCopy());
                }
                dst.set(e.getKey(), gathered);
            }
        }
    }
}
