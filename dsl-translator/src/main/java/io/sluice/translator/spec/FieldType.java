package io.sluice.translator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.translator.Durations;

/** The value types of Bento config fields, with the check each one applies to what the user wrote. */
public enum FieldType {
    STRING("a string"),
    INT("an integer"),
    FLOAT("a number"),
    BOOL("a boolean"),
    /** A Go duration string such as {@code 5s} or {@code 1m30s}. */
    DURATION("a duration string such as \"5s\""),
    STRING_LIST("a list of strings"),
    STRING_MAP("an object of strings"),
    OBJECT("an object"),
    /** A list of component objects (processors). */
    LIST("a list"),
    ANY("any value");

    private final String description;

    FieldType(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** @return null when {@code value} fits, otherwise why not */
    public String check(JsonNode value) {
        return switch (this) {
            case STRING -> value.isTextual() ? null : mismatch(value);
            case INT -> value.isIntegralNumber() ? null : mismatch(value);
            case FLOAT -> value.isNumber() ? null : mismatch(value);
            case BOOL -> value.isBoolean() ? null : mismatch(value);
            case DURATION -> checkDuration(value);
            case STRING_LIST -> checkStringList(value);
            case STRING_MAP -> checkStringMap(value);
            case OBJECT -> value.isObject() ? null : mismatch(value);
            case LIST -> value.isArray() ? null : mismatch(value);
            case ANY -> null;
        };
    }

    private String checkDuration(JsonNode value) {
        if (!value.isTextual()) {
            return mismatch(value);
        }
        try {
            Durations.parse(value.asText());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private String checkStringList(JsonNode value) {
        if (!value.isArray()) {
            return mismatch(value);
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                return "expected " + description + ", but an item is " + kind(item);
            }
        }
        return null;
    }

    private String checkStringMap(JsonNode value) {
        if (!value.isObject()) {
            return mismatch(value);
        }
        for (JsonNode item : value) {
            if (!item.isValueNode()) {
                return "expected " + description + ", but a value is " + kind(item);
            }
        }
        return null;
    }

    private String mismatch(JsonNode value) {
        return "expected " + description + ", got " + kind(value);
    }

    static String kind(JsonNode v) {
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "an object";
        }
        return "null";
    }
}
