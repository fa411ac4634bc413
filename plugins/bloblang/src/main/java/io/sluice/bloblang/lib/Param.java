package io.sluice.bloblang.lib;

import io.sluice.bloblang.exec.Fn;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.Values;
import java.util.List;
import java.util.Map;

/** One parameter of a function or method, with Bento's coercion of argument values. */
public final class Param {
    /** Parameter value types, named as Bento names them in errors. */
    public enum Type {
        STRING("string"), INT("integer"), FLOAT("float"), NUMBER("number"), BOOL("bool"), ARRAY("array"),
        OBJECT("object"), QUERY("query expression"), ANY("unknown"), TIMESTAMP("timestamp");

        final String label;

        Type(String label) {
            this.label = label;
        }
    }

    /** Marks an optional parameter that was not given. */
    public static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "<absent>";
        }
    };

    final String name;
    final Type type;
    final boolean optional;
    final Object defaultValue;
    final boolean hasDefault;

    private Param(String name, Type type, boolean optional, Object defaultValue, boolean hasDefault) {
        this.name = name;
        this.type = type;
        this.optional = optional;
        this.defaultValue = defaultValue;
        this.hasDefault = hasDefault;
    }

    public static Param req(String name, Type type) {
        return new Param(name, type, false, null, false);
    }

    public static Param opt(String name, Type type) {
        return new Param(name, type, true, null, false);
    }

    public static Param def(String name, Type type, Object defaultValue) {
        return new Param(name, type, true, defaultValue, true);
    }

    public String name() {
        return name;
    }

    /** Coerces an argument value to this parameter's type, or fails like Bento. */
    Object coerce(Object v) {
        switch (type) {
            case INT:
                return Values.getInt(v);
            case FLOAT:
            case NUMBER:
                return Values.getNumber(v);
            case STRING:
                if (v instanceof String) {
                    return v;
                }
                if (v instanceof byte[]) {
                    return Values.getString(v);
                }
                break;
            case TIMESTAMP:
                return Timestamps.toTimestamp(v);
            case BOOL:
                return Values.getBool(v);
            case ARRAY:
                if (v instanceof List) {
                    return v;
                }
                break;
            case OBJECT:
                if (v instanceof Map) {
                    return v;
                }
                break;
            case QUERY:
                if (v instanceof Fn) {
                    return v;
                }
                break;
            default:
                return v;
        }
        throw new EvalError("wrong argument type, expected " + type.label + ", got " + Values.typeName(v));
    }
}
