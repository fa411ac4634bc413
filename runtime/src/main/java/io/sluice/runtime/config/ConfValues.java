package io.sluice.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Typed reads of tyk.conf fields and TYK_GW_* variables; a bad value names its file and field, or its variable. */
final class ConfValues {

    private ConfValues() {
    }

    /** {@code conf.field} as a number, or {@code otherwise} when absent. */
    static int intField(JsonNode conf, String field, Path file, int otherwise) {
        JsonNode n = conf.get(field);
        if (n == null) {
            return otherwise;
        }
        if (!n.canConvertToInt()) {
            throw new IllegalArgumentException(file + ": " + field + " must be a number, got " + n);
        }
        return n.asInt();
    }

    /** {@code conf.field} as true or false, or {@code otherwise} when absent. */
    static boolean boolField(JsonNode conf, String field, Path file, boolean otherwise) {
        JsonNode n = conf.get(field);
        if (n == null) {
            return otherwise;
        }
        if (!n.isBoolean()) {
            throw new IllegalArgumentException(file + ": " + field + " must be true or false, got " + n);
        }
        return n.asBoolean();
    }

    static int envInt(Map<String, String> env, String name, int otherwise) {
        String v = env.get(name);
        if (v == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: '" + v + "'");
        }
    }

    /** The spellings Tyk's environment parsing (Go's strconv.ParseBool) takes. */
    static boolean envBool(Map<String, String> env, String name, boolean otherwise) {
        String v = env.get(name);
        if (v == null) {
            return otherwise;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "1", "t", "true" -> true;
            case "0", "f", "false" -> false;
            default -> throw new IllegalArgumentException(name + ": not true or false: '" + v + "'");
        };
    }
}
