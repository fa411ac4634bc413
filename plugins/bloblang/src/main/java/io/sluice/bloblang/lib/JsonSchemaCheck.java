package io.sluice.bloblang.lib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code json_schema}: validates with networknt's validator and words the failures as Bento does
 * (gojsonschema's descriptions, lower-cased, after the field path: {@code foo invalid type.
 * expected: string, given: integer}).
 */
final class JsonSchemaCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonSchema schema;

    private JsonSchemaCheck(JsonSchema schema) {
        this.schema = schema;
    }

    static JsonSchemaCheck compile(String schemaText) {
        try {
            JsonNode node = JSON.readTree(schemaText);
            // gojsonschema reads drafts 4, 6 and 7 and assumes the newest of them when undeclared
            SpecVersion.VersionFlag version = SpecVersionDetector.detectOptionalVersion(node, false)
                    .orElse(SpecVersion.VersionFlag.V7);
            return new JsonSchemaCheck(JsonSchemaFactory.getInstance(version).getSchema(node));
        } catch (IOException | RuntimeException e) {
            throw new EvalError("failed to parse json schema definition: " + e.getMessage());
        }
    }

    /** Returns the value when it is valid. */
    Object validate(Object value) {
        JsonNode node;
        try {
            node = JSON.readTree(GoJson.write(value, false));
        } catch (IOException e) {
            throw new EvalError(e.getMessage());
        }
        Set<ValidationMessage> errors = schema.validate(node);
        if (errors.isEmpty()) {
            return value;
        }
        List<String> lines = new ArrayList<>();
        for (ValidationMessage m : errors) {
            lines.add(field(m.getInstanceLocation()) + " " + describe(m));
        }
        throw new EvalError(String.join("\n", lines));
    }

    /** gojsonschema's field notation: {@code (root)}, {@code foo}, {@code foo.0.bar}. */
    private static String field(JsonNodePath path) {
        if (path == null || path.getNameCount() == 0) {
            return "(root)";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(path.getElement(i));
        }
        return b.toString();
    }

    private static String arg(ValidationMessage m, int i) {
        Object[] a = m.getArguments();
        return a != null && a.length > i ? String.valueOf(a[i]) : "";
    }

    private static String describe(ValidationMessage m) {
        String type = m.getType() == null ? "" : m.getType();
        switch (type) {
            case "type":
                return "invalid type. expected: " + arg(m, 1) + ", given: " + arg(m, 0);
            case "required":
                return arg(m, 0) + " is required";
            case "additionalProperties":
                return "additional property " + arg(m, 0) + " is not allowed";
            case "enum":
                return "must be one of the following: " + arg(m, 0).toLowerCase(Locale.ROOT);
            case "minLength":
                return "string length must be greater than or equal to " + arg(m, 0);
            case "maxLength":
                return "string length must be less than or equal to " + arg(m, 0);
            case "minItems":
                return "array must have at least " + arg(m, 0) + " items";
            case "maxItems":
                return "array must have at most " + arg(m, 0) + " items";
            case "minimum":
                return "must be greater than or equal to " + arg(m, 0);
            case "maximum":
                return "must be less than or equal to " + arg(m, 0);
            case "pattern":
                return "does not match pattern '" + arg(m, 0) + "'";
            default:
                String msg = m.getMessage();
                int colon = msg.indexOf(": ");
                return (colon >= 0 && msg.startsWith("$") ? msg.substring(colon + 2) : msg).toLowerCase(Locale.ROOT);
        }
    }
}
