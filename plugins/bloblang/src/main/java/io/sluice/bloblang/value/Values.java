package io.sluice.bloblang.value;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Bloblang value model and Go's coercion rules. Values are plain Java objects: {@code null},
 * {@link Boolean}, {@link String}, {@code byte[]}, {@link Long}, {@link Double}, {@link JsonNum},
 * {@link ZonedDateTime}, {@link List} (array), {@link Map} (object) and {@link Special}.
 */
public final class Values {
    private Values() {
    }

    public static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof byte[]) {
            return "bytes";
        }
        if (v instanceof Number) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof ZonedDateTime) {
            return "timestamp";
        }
        if (v instanceof List) {
            return "array";
        }
        if (v instanceof Map) {
            return "object";
        }
        if (v instanceof Special) {
            return ((Special) v).typeName();
        }
        return "unknown";
    }

    public static boolean isNull(Object v) {
        return v == null || v instanceof Special;
    }

    public static boolean isNumber(Object v) {
        return v instanceof Number;
    }

    /** True for numbers that Go holds as float64 (Double, or JSON text that is not an integer). */
    public static boolean isFloat(Object v) {
        return v instanceof Double || v instanceof Float || v instanceof JsonNum;
    }

    /** Go's json.Number -> int64/float64 step; other values are returned unchanged. */
    public static Object sanitize(Object v) {
        if (v instanceof JsonNum) {
            return ((JsonNum) v).doubleValue();
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float) {
            return ((Float) v).doubleValue();
        }
        if (v instanceof java.math.BigInteger) {
            return ((java.math.BigInteger) v).doubleValue();
        }
        return v;
    }

    public static double getNumber(Object v) {
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        throw new TypeError(v, "number");
    }

    public static long getInt(Object v) {
        if (v instanceof Double || v instanceof JsonNum || v instanceof Float) {
            return goFloatToInt(((Number) v).doubleValue());
        }
        if (v instanceof Number) {
            return ((Number) v).longValue();
        }
        throw new TypeError(v, "number");
    }

    /** Go's int64(f) conversion truncates toward zero. */
    public static long goFloatToInt(double d) {
        if (Double.isNaN(d)) {
            return Long.MIN_VALUE;
        }
        return (long) d;
    }

    public static boolean getBool(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof JsonNum) {
            return !((JsonNum) v).text().equals("0");
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue() != 0;
        }
        throw new TypeError(v, "bool");
    }

    public static String getString(Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof byte[]) {
            return new String((byte[]) v, StandardCharsets.UTF_8);
        }
        if (v instanceof ZonedDateTime) {
            return GoTime.formatRfc3339Nano((ZonedDateTime) v);
        }
        throw new TypeError(v, "string");
    }

    public static byte[] getBytes(Object v) {
        if (v instanceof String) {
            return ((String) v).getBytes(StandardCharsets.UTF_8);
        }
        if (v instanceof byte[]) {
            return (byte[]) v;
        }
        if (v instanceof ZonedDateTime) {
            return GoTime.formatRfc3339Nano((ZonedDateTime) v).getBytes(StandardCharsets.UTF_8);
        }
        throw new TypeError(v, "bytes");
    }

    /** Bento's IToString: strings and bytes raw, numbers in Go form, structures as JSON. */
    public static String toStr(Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof byte[]) {
            return new String((byte[]) v, StandardCharsets.UTF_8);
        }
        if (v instanceof Long || v instanceof Integer) {
            return v.toString();
        }
        if (v instanceof JsonNum) {
            return ((JsonNum) v).text();
        }
        if (v instanceof Float) {
            return GoFloat.formatG32((Float) v);
        }
        if (v instanceof Double) {
            return GoFloat.formatG(((Number) v).doubleValue());
        }
        if (v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof ZonedDateTime) {
            return GoTime.formatRfc3339Nano((ZonedDateTime) v);
        }
        if (v == null) {
            return "null";
        }
        return GoJson.write(v, true);
    }

    public static byte[] toBytes(Object v) {
        if (v instanceof byte[]) {
            return (byte[]) v;
        }
        return toStr(v).getBytes(StandardCharsets.UTF_8);
    }

    /** Numbers compare as float64, bytes as strings (Go's RestrictForComparison). */
    public static Object restrictForComparison(Object v) {
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof byte[]) {
            return new String((byte[]) v, StandardCharsets.UTF_8);
        }
        return v;
    }

    /** Go's ICompare: loose equality across string/bytes and across number representations. */
    public static boolean compare(Object left, Object right) {
        if (left == null && right == null) {
            return true;
        }
        Object l = restrictForComparison(left);
        if (l instanceof String) {
            if (right instanceof String || right instanceof byte[] || right instanceof ZonedDateTime) {
                return l.equals(getString(right));
            }
            return false;
        }
        if (l instanceof Double) {
            return right instanceof Number && (Double) l == ((Number) right).doubleValue();
        }
        if (l instanceof Boolean) {
            if (right instanceof Boolean || right instanceof Number) {
                return (Boolean) l == getBool(right);
            }
            return false;
        }
        if (l instanceof List) {
            if (!(right instanceof List)) {
                return false;
            }
            List<?> a = (List<?>) l;
            List<?> b = (List<?>) right;
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!compare(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (l instanceof Map) {
            if (!(right instanceof Map)) {
                return false;
            }
            Map<?, ?> a = (Map<?, ?>) l;
            Map<?, ?> b = (Map<?, ?>) right;
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : a.entrySet()) {
                if (!compare(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Deep copy of arrays and objects; scalars are immutable and shared. */
    @SuppressWarnings("unchecked")
    public static Object deepCopy(Object v) {
        if (v instanceof Map) {
            Map<String, Object> src = (Map<String, Object>) v;
            Map<String, Object> out = new LinkedHashMap<>(Math.max(4, src.size() * 2));
            for (Map.Entry<String, Object> e : src.entrySet()) {
                out.put(e.getKey(), deepCopy(e.getValue()));
            }
            return out;
        }
        if (v instanceof List) {
            List<Object> src = (List<Object>) v;
            List<Object> out = new ArrayList<>(src.size());
            for (Object o : src) {
                out.add(deepCopy(o));
            }
            return out;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObject(Object v) {
        return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> asArray(Object v) {
        return (List<Object>) v;
    }

    /** Go's %v rendering of a value in error messages. */
    public static String goSprint(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof Map || v instanceof List) {
            return GoFmt.sprintV(v);
        }
        if (v instanceof byte[]) {
            return GoFmt.sprintV(v);
        }
        return toStr(v);
    }

    /** Go's %T rendering for the handful of value types Bloblang produces. */
    public static String goTypeName(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof byte[]) {
            return "[]uint8";
        }
        if (v instanceof Long) {
            return "int64";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Float) {
            return "float32";
        }
        if (v instanceof JsonNum) {
            return "json.Number";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof List) {
            return "[]interface {}";
        }
        if (v instanceof Map) {
            return "map[string]interface {}";
        }
        if (v instanceof ZonedDateTime) {
            return "time.Time";
        }
        return "*struct {}";
    }

    public static BigDecimal toBigDecimal(Object v) {
        if (v instanceof JsonNum) {
            return new BigDecimal(((JsonNum) v).text());
        }
        if (v instanceof Long) {
            return BigDecimal.valueOf((Long) v);
        }
        return new BigDecimal(Double.toString(getNumber(v)));
    }
}
