package io.sluice.bloblang.exec;

import io.sluice.bloblang.value.Values;

/** A constant value. */
public final class Literal extends Fn {
    private final Object value;
    private final String annotation;

    public Literal(Object value) {
        this(value, null);
    }

    public Literal(Object value, String annotation) {
        this.value = value;
        this.annotation = annotation;
    }

    public Object value() {
        return value;
    }

    @Override
    public Object exec(Ctx ctx) {
        // structured literals are copied so that a mutation of one result never leaks into the next
        return value instanceof java.util.Map || value instanceof java.util.List ? Values.deepCopy(value) : value;
    }

    @Override
    public String annotation() {
        return annotation != null ? annotation : Values.typeName(value) + " literal";
    }

    @Override
    public boolean isLiteral() {
        return true;
    }

    @Override
    public boolean readsContext() {
        return false;
    }
}
