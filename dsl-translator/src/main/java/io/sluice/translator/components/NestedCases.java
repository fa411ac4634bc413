package io.sluice.translator.components;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.translator.StreamContext;
import io.sluice.translator.model.ApiDefinitionParser;
import io.sluice.translator.registry.NearestNames;
import io.sluice.translator.spec.FieldType;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Predicate;
import org.apache.camel.support.builder.PredicateBuilder;

/**
 * Reading the items of a composite's list ({@code switch} cases, {@code broker} children): each item is an object
 * whose fields are checked by name and type here, as the spec checks a component's own fields.
 */
final class NestedCases {

    private NestedCases() {
    }

    /** Reports a problem for each field of {@code item} that is not in {@code fields} or has the wrong type. */
    static boolean checkFields(JsonNode item, String path, String what, Map<String, FieldType> fields, StreamContext stream) {
        if (!item.isObject()) {
            stream.problem(path, what + " must be an object with " + fields.keySet());
            return false;
        }
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = path + "/" + ApiDefinitionParser.escape(e.getKey());
            FieldType type = fields.get(e.getKey());
            if (type == null) {
                var near = NearestNames.of(e.getKey(), Set.copyOf(fields.keySet()));
                stream.problem(at, "unknown field '" + e.getKey() + "' of " + what
                        + (near.isEmpty() ? " (known: " + fields.keySet() + ")" : "; did you mean " + NearestNames.quoted(near) + "?"));
                ok = false;
            } else if (!e.getValue().isNull() && type.check(e.getValue()) != null) {
                stream.problem(at, "field '" + e.getKey() + "' of " + what + ": " + type.check(e.getValue()));
                ok = false;
            }
        }
        return ok;
    }

    /** A case's {@code check} query as a predicate: an empty or missing check always matches, as in Bento. */
    static Predicate check(JsonNode item, String path, StreamContext stream) {
        String query = item.path("check").asText("");
        if (query.isBlank()) {
            return PredicateBuilder.constant(true);
        }
        return Mappings.compile(query, path + "/check", stream, engine -> engine.condition(query));
    }
}
