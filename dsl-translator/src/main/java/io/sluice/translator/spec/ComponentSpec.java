package io.sluice.translator.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A component's self-description, as Bento's config specs: its type name, where it may appear, and every
 * field with type, default and required flag. Validation, defaults and docs all come from this one place.
 */
public final class ComponentSpec {

    private final String type;
    private final ComponentKind kind;
    private final String summary;
    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
    private boolean scalar;

    public ComponentSpec(String type, ComponentKind kind, String summary, List<FieldSpec> fields) {
        this.type = type;
        this.kind = kind;
        this.summary = summary;
        fields.forEach(f -> this.fields.put(f.name(), f));
    }

    public static ComponentSpec of(String type, ComponentKind kind, String summary, FieldSpec... fields) {
        return new ComponentSpec(type, kind, summary, List.of(fields));
    }

    /**
     * A component whose whole config is one value rather than an object of fields, such as
     * {@code mapping: 'root = this'}; the value is read as the field {@code field.name()}.
     */
    public static ComponentSpec scalar(String type, ComponentKind kind, String summary, FieldSpec field) {
        ComponentSpec spec = new ComponentSpec(type, kind, summary, List.of(field));
        spec.scalar = true;
        return spec;
    }

    public boolean isScalar() {
        return scalar;
    }

    public String type() {
        return type;
    }

    public ComponentKind kind() {
        return kind;
    }

    public String summary() {
        return summary;
    }

    public Map<String, FieldSpec> fields() {
        return fields;
    }

    public FieldSpec field(String name) {
        return fields.get(name);
    }
}
