package io.sluice.translator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * One config field of a component, as Bento declares it.
 *
 * @param defaultValue the Bento default, or null when the field has none (required or optional)
 * @param notYetActedOn when non-null, we accept the field for compatibility but do not act on it yet; the
 *                      text says why, and a stream that sets it gets one startup warning
 * @param children     for an OBJECT field with a known shape, its fields; empty means any keys are accepted
 */
public record FieldSpec(String name, FieldType type, JsonNode defaultValue, boolean required, String description,
                        String notYetActedOn, List<FieldSpec> children) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static FieldSpec required(String name, FieldType type, String description) {
        return new FieldSpec(name, type, null, true, description, null, List.of());
    }

    public static FieldSpec optional(String name, FieldType type, Object defaultValue, String description) {
        return new FieldSpec(name, type, defaultValue == null ? null : JSON.valueToTree(defaultValue), false,
                description, null, List.of());
    }

    public static FieldSpec object(String name, String description, FieldSpec... children) {
        return new FieldSpec(name, FieldType.OBJECT, null, false, description, null, List.of(children));
    }

    /** This field accepted for compatibility, not acted on yet ({@code why} goes into the startup warning). */
    public FieldSpec notYetActedOn(String why) {
        return new FieldSpec(name, type, defaultValue, required, description, why, children);
    }

    public boolean actedOn() {
        return notYetActedOn == null;
    }
}
