package io.sluice.translator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sluice.translator.StreamContext;
import io.sluice.translator.model.ApiDefinitionParser;
import io.sluice.translator.registry.NearestNames;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Checks a component's config object against its spec, reporting every problem into the stream context. */
public final class ConfigValidator {

    private ConfigValidator() {
    }

    /** @param values the object under the component-type key (null when the user wrote {@code kafka: null}) */
    public static ComponentConfig validate(ComponentSpec spec, JsonNode values, String jsonPath, StreamContext stream) {
        if (spec.isScalar()) {
            FieldSpec only = spec.fields().values().iterator().next();
            com.fasterxml.jackson.databind.node.ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
            if (values != null && !values.isNull()) {
                String wrong = only.type().check(values);
                if (wrong != null) {
                    stream.problem(jsonPath, spec.kind().label() + " '" + spec.type() + "': " + wrong);
                } else {
                    wrapped.set(only.name(), values);
                }
            } else if (only.required()) {
                stream.problem(jsonPath, spec.kind().label() + " '" + spec.type() + "' needs " + only.type().description());
            }
            return new ComponentConfig(spec, null, wrapped, jsonPath);
        }
        JsonNode object = values == null || values.isNull() ? JsonNodeFactory.instance.objectNode() : values;
        if (!object.isObject()) {
            stream.problem(jsonPath, spec.kind().label() + " '" + spec.type() + "' expects an object of fields, got "
                    + FieldType.kind(object));
            object = JsonNodeFactory.instance.objectNode();
        }
        checkFields(spec, spec.fields().values(), object, jsonPath, stream);
        return new ComponentConfig(spec, null, object, jsonPath);
    }

    private static void checkFields(ComponentSpec spec, Collection<FieldSpec> fields, JsonNode object, String jsonPath,
                                    StreamContext stream) {
        Map<String, FieldSpec> byName = new java.util.LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        object.fields().forEachRemaining(e -> {
            String path = jsonPath + "/" + ApiDefinitionParser.escape(e.getKey());
            FieldSpec f = byName.get(e.getKey());
            if (f == null) {
                List<String> near = NearestNames.of(e.getKey(), byName.keySet());
                stream.problem(path, "unknown field '" + e.getKey() + "' of " + spec.kind().label() + " '" + spec.type()
                        + "'" + (near.isEmpty() ? "" : "; did you mean " + NearestNames.quoted(near) + "?"));
                return;
            }
            JsonNode v = e.getValue();
            if (v.isNull()) {
                return;
            }
            String wrong = f.type().check(v);
            if (wrong != null) {
                stream.problem(path, "field '" + f.name() + "' of " + spec.kind().label() + " '" + spec.type() + "': " + wrong);
                return;
            }
            if (!f.actedOn()) {
                // Written but equal to what we do anyway (Bento's default): nothing to warn about.
                if (!v.equals(f.defaultValue()) && !(v.isTextual() && v.asText().isEmpty())) {
                    stream.notYetActedOn(path, f.notYetActedOn());
                }
            } else if (f.type() == FieldType.OBJECT && !f.children().isEmpty()) {
                checkFields(spec, f.children(), v, path, stream);
            }
        });
        for (FieldSpec f : fields) {
            JsonNode v = object.get(f.name());
            if (f.required() && (v == null || v.isNull())) {
                stream.problem(jsonPath + "/" + ApiDefinitionParser.escape(f.name()), "required field '" + f.name()
                        + "' of " + spec.kind().label() + " '" + spec.type() + "' is missing (" + f.description() + ")");
            }
        }
    }
}
