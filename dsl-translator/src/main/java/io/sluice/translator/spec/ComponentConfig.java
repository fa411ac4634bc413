package io.sluice.translator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.sluice.translator.Durations;
import io.sluice.translator.model.ApiDefinitionParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A component's config after validation against its {@link ComponentSpec}: reads give what the user wrote,
 * or the Bento default. Only fields the spec declares can be read, so a typo in a translator fails fast.
 */
public final class ComponentConfig {

    private final ComponentSpec spec;
    private final List<FieldSpec> fieldsOverride;
    private final JsonNode values;
    private final String jsonPath;

    ComponentConfig(ComponentSpec spec, List<FieldSpec> fields, JsonNode values, String jsonPath) {
        this.spec = spec;
        this.fieldsOverride = fields;
        this.values = values;
        this.jsonPath = jsonPath;
    }

    public ComponentSpec spec() {
        return spec;
    }

    /** JSON pointer of this component's config object in the API document. */
    public String jsonPath() {
        return jsonPath;
    }

    public String jsonPath(String field) {
        return jsonPath + "/" + ApiDefinitionParser.escape(field);
    }

    /** True when the user wrote the field (a default does not count). */
    public boolean isSet(String field) {
        JsonNode v = values.get(declared(field).name());
        return v != null && !v.isNull();
    }

    public JsonNode value(String field) {
        FieldSpec f = declared(field);
        JsonNode v = values.get(field);
        if (v == null || v.isNull()) {
            return f.defaultValue() == null ? MissingNode.getInstance() : f.defaultValue();
        }
        return v;
    }

    public String string(String field) {
        JsonNode v = value(field);
        return v.isMissingNode() ? null : v.asText();
    }

    public int integer(String field) {
        return value(field).asInt();
    }

    public boolean bool(String field) {
        return value(field).asBoolean();
    }

    public Duration duration(String field) {
        JsonNode v = value(field);
        return v.isMissingNode() ? null : Durations.parse(v.asText());
    }

    /**
     * A list of strings; like Bento, each item may itself hold several comma-separated values
     * ({@code ["a:9092,b:9092"]} is two addresses). Empty items are dropped.
     */
    public List<String> stringList(String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : value(field)) {
            for (String part : item.asText().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** A list of strings exactly as written: no comma splitting, empty items kept (an empty prefix matters). */
    public List<String> stringListRaw(String field) {
        List<String> out = new ArrayList<>();
        value(field).forEach(item -> out.add(item.asText()));
        return out;
    }

    public Map<String, String> stringMap(String field) {
        Map<String, String> out = new LinkedHashMap<>();
        value(field).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** A nested object field, read through its own declared children. */
    public ComponentConfig object(String field) {
        FieldSpec f = declared(field);
        JsonNode v = values.get(field);
        return new ComponentConfig(spec, f.children(), v == null || v.isNull() ? MissingNode.getInstance() : v,
                jsonPath(field));
    }

    private FieldSpec declared(String field) {
        FieldSpec f = null;
        if (fieldsOverride != null) {
            for (FieldSpec c : fieldsOverride) {
                if (c.name().equals(field)) {
                    f = c;
                }
            }
        } else {
            f = spec.field(field);
        }
        if (f == null) {
            throw new IllegalArgumentException("component '" + spec.type() + "' declares no field '" + field + "'");
        }
        return f;
    }
}
