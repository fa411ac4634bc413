package io.sluice.bloblang.lib;

import static io.sluice.bloblang.lib.Param.opt;
import static io.sluice.bloblang.lib.Param.req;

import io.sluice.bloblang.Message;
import io.sluice.bloblang.exec.Closure;
import io.sluice.bloblang.exec.Ctx;
import io.sluice.bloblang.exec.Executor;
import io.sluice.bloblang.exec.Exprs;
import io.sluice.bloblang.exec.Fn;
import io.sluice.bloblang.exec.Run;
import io.sluice.bloblang.lib.Param.Type;
import io.sluice.bloblang.parse.ParseError;
import io.sluice.bloblang.parse.Parser;
import io.sluice.bloblang.value.AnnotatedError;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.JsonNum;
import io.sluice.bloblang.value.Special;
import io.sluice.bloblang.value.TypeError;
import io.sluice.bloblang.value.Values;
import java.math.BigInteger;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Control-flow and coercion methods: catch, or, from, apply, type conversions. */
final class CoreMethods {
    private CoreMethods() {
    }

    static void register() {
        Library.methodCtor("catch", Signature.of(req("fallback", Type.QUERY)), (target, args) -> {
            Fn fallback = (Fn) args.staticValues()[0];
            return new Closure("method catch", ctx -> {
                try {
                    return target.exec(ctx);
                } catch (EvalError e) {
                    return fallback.exec(ctx.withValue(e.getMessage()));
                }
            });
        });
        Library.methodCtor("or", Signature.of(req("fallback", Type.QUERY)), (target, args) -> {
            Fn fallback = (Fn) args.staticValues()[0];
            return new Closure("method or", ctx -> {
                try {
                    Object v = target.exec(ctx);
                    if (!Values.isNull(v)) {
                        return v;
                    }
                } catch (EvalError e) {
                    // fall back
                }
                return fallback.exec(ctx);
            });
        });
        Library.methodCtor("map", Signature.of(req("query", Type.QUERY)),
                (target, args) -> Exprs.mapExpression(target, (Fn) args.staticValues()[0]));
        Library.methodCtor("not", Signature.of(), (target, args) -> io.sluice.bloblang.exec.Arithmetic.not(target));
        Library.method("not_null", Signature.of(), (v, a, ctx) -> {
            if (v == null) {
                throw new EvalError("value is null");
            }
            return v;
        });
        Library.method("not_empty", Signature.of(), (v, a, ctx) -> {
            boolean empty;
            if (v instanceof String) {
                empty = ((String) v).isEmpty();
            } else if (v instanceof byte[]) {
                empty = ((byte[]) v).length == 0;
            } else if (v instanceof List) {
                empty = ((List<?>) v).isEmpty();
            } else if (v instanceof Map) {
                empty = ((Map<?, ?>) v).isEmpty();
            } else {
                throw new TypeError(v, "string", "array", "object");
            }
            if (empty) {
                throw new EvalError(v instanceof String || v instanceof byte[] ? "string value is empty"
                        : v instanceof List ? "array value is empty" : "object value is empty");
            }
            return v;
        });
        Library.method("type", Signature.of(), (v, a, ctx) -> Values.typeName(v));
        Library.methodCtor("from", Signature.of(req("index", Type.INT)), (target, args) -> {
            long idx = (Long) args.staticValues()[0];
            return new Closure("method from", ctx -> target.exec(ctx.withRun(reindex(ctx, (int) idx))));
        });
        Library.methodCtor("from_all", Signature.of(), (target, args) -> new Closure("method from_all", ctx -> {
            List<Object> out = new ArrayList<>();
            int size = ctx.run().batch() == null ? 0 : ctx.run().batch().size();
            for (int i = 0; i < size; i++) {
                out.add(target.exec(ctx.withRun(reindex(ctx, i))));
            }
            return out;
        }));
        // errors of the applied map are not prefixed with the target, as in Bento
        Library.methodCtor("apply", Signature.of(req("mapping", Type.STRING)), (target, args) -> new Closure(
                args.staticValues()[0] instanceof String ? "map " + args.staticValues()[0] : "method apply", ctx -> {
                    Object v = target.exec(ctx);
                    String name = (String) args.resolve(ctx)[0];
                    if (ctx.run().maps() == null) {
                        throw new EvalError("no maps were found");
                    }
                    Executor m = ctx.run().maps().get(name);
                    if (m == null) {
                        throw new EvalError("map " + name + " was not found");
                    }
                    return m.execAsMap(ctx.withValue(v));
                }));
        Library.methodCtor("bloblang", Signature.of(req("mapping", Type.STRING)), (target, args) -> {
            Object src = args.staticValues()[0];
            Executor pre = src instanceof String ? compile((String) src) : null;
            return Library.simple("bloblang", target, args, (v, a, ctx) -> {
                Executor e = pre != null ? pre : compile((String) a[0]);
                Run run = new Run(e.maps(), ctx.run().batch(), ctx.run().index(), null);
                return e.execAsMap(Ctx.forValue(run, v, null));
            });
        });
        Library.methodCtor("bool", Signature.of(opt("default", Type.BOOL)), (target, args) -> new Closure(
                "method bool", ctx -> {
                    Object[] a = args.resolve(ctx);
                    Object v;
                    try {
                        v = target.exec(ctx);
                    } catch (EvalError e) {
                        if (a[0] != Param.ABSENT) {
                            return a[0];
                        }
                        throw e;
                    }
                    try {
                        return toBool(v);
                    } catch (EvalError e) {
                        if (a[0] != Param.ABSENT) {
                            return a[0];
                        }
                        throw Library.errFrom(e, target);
                    }
                }));
        Library.methodCtor("number", Signature.of(opt("default", Type.FLOAT)), (target, args) -> new Closure(
                "method number", ctx -> {
                    Object[] a = args.resolve(ctx);
                    Object v;
                    try {
                        v = target.exec(ctx);
                    } catch (EvalError e) {
                        if (a[0] != Param.ABSENT) {
                            return a[0];
                        }
                        throw e;
                    }
                    try {
                        return toNumber(v);
                    } catch (EvalError e) {
                        if (a[0] != Param.ABSENT) {
                            return a[0];
                        }
                        throw Library.errFrom(e, target);
                    }
                }));
        Library.method("string", Signature.of(), (v, a, ctx) -> Values.toStr(v));
        Library.method("bytes", Signature.of(), (v, a, ctx) -> Values.toBytes(v).clone());
        Library.method("array", Signature.of(), (v, a, ctx) -> {
            if (v instanceof List) {
                return v;
            }
            List<Object> one = new ArrayList<>(1);
            one.add(v);
            return one;
        });
        Library.method("int64", Signature.of(), (v, a, ctx) -> toInt(v, Long.MIN_VALUE, Long.MAX_VALUE, "64"));
        Library.method("int32", Signature.of(), (v, a, ctx) -> toInt(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "32"));
        Library.method("int16", Signature.of(), (v, a, ctx) -> toInt(v, Short.MIN_VALUE, Short.MAX_VALUE, "16"));
        Library.method("int8", Signature.of(), (v, a, ctx) -> toInt(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "8"));
        Library.method("uint64", Signature.of(), (v, a, ctx) -> toUint(v, -1L, "64"));
        Library.method("uint32", Signature.of(), (v, a, ctx) -> toUint(v, 0xffffffffL, "32"));
        Library.method("uint16", Signature.of(), (v, a, ctx) -> toUint(v, 0xffffL, "16"));
        Library.method("uint8", Signature.of(), (v, a, ctx) -> toUint(v, 0xffL, "8"));
        Library.method("float64", Signature.of(), (v, a, ctx) -> toFloat(v));
        // a float32 keeps its type so that it prints with float32 precision, as in Go
        Library.method("float32", Signature.of(), (v, a, ctx) -> (float) toFloat(v));
    }

    private static Executor compile(String mapping) {
        try {
            return Parser.parseMapping(mapping, null);
        } catch (ParseError e) {
            throw new EvalError("failed to parse mapping: " + e.positional());
        }
    }

    private static Run reindex(Ctx ctx, int index) {
        Run r = ctx.run();
        return new Run(r.maps(), r.batch(), index, r.newMeta());
    }

    static boolean toBool(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof JsonNum) {
            return !((JsonNum) v).text().equals("0");
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue() != 0;
        }
        if (v instanceof String || v instanceof byte[]) {
            switch (Values.getString(v)) {
                case "1":
                case "t":
                case "T":
                case "TRUE":
                case "true":
                case "True":
                    return true;
                case "0":
                case "f":
                case "F":
                case "FALSE":
                case "false":
                case "False":
                    return false;
                default:
                    break;
            }
        }
        throw new TypeError(v, "bool");
    }

    /** Bento's number(): strings are parsed as float64, numbers keep their kind. */
    static Object toNumber(Object v) {
        if (v instanceof Long || v instanceof Double) {
            return v;
        }
        if (v instanceof JsonNum) {
            return ((JsonNum) v).doubleValue();
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof String || v instanceof byte[]) {
            String s = Values.getString(v);
            try {
                return parseGoFloat(s);
            } catch (NumberFormatException e) {
                throw new EvalError("strconv.ParseFloat: parsing " + goQuote(s) + ": invalid syntax");
            }
        }
        throw new TypeError(v, "number");
    }

    static double parseGoFloat(String s) {
        String t = s;
        if (t.isEmpty() || t.endsWith("d") || t.endsWith("D") || t.endsWith("f") || t.endsWith("F")
                || t.contains(" ")) {
            throw new NumberFormatException(s);
        }
        String lower = t.toLowerCase();
        if (lower.equals("inf") || lower.equals("+inf") || lower.equals("infinity") || lower.equals("+infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (lower.equals("-inf") || lower.equals("-infinity")) {
            return Double.NEGATIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (t.contains("_")) {
            throw new NumberFormatException(s);
        }
        return Double.parseDouble(t);
    }

    static String goQuote(String s) {
        StringBuilder b = new StringBuilder();
        io.sluice.bloblang.value.GoJson.quote(b, s, false);
        return b.toString();
    }

    static double toFloat(Object v) {
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof String || v instanceof byte[]) {
            String s = Values.getString(v);
            try {
                return parseGoFloat(s);
            } catch (NumberFormatException e) {
                throw new EvalError("strconv.ParseFloat: parsing " + goQuote(s) + ": invalid syntax");
            }
        }
        throw new TypeError(v, "number");
    }

    static long toInt64(Object v) {
        if (v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof JsonNum) {
            String t = ((JsonNum) v).text();
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new EvalError("strconv.ParseInt: parsing " + goQuote(t) + ": invalid syntax");
            }
        }
        if (v instanceof Double) {
            double d = (Double) v;
            if (Double.isInfinite(d)) {
                throw new EvalError("cannot convert +/-INF to an integer");
            }
            if (Double.isNaN(d)) {
                throw new EvalError("cannot convert NAN to an integer");
            }
            if (d > 9.223372036854775807E18) {
                throw new EvalError("float value is too large to be cast as a signed integer");
            }
            if (d < -9.223372036854775808E18) {
                throw new EvalError("float value is too small to be cast as a signed integer");
            }
            if (d != Math.rint(d) || d - (long) d != 0) {
                throw new EvalError("float value contains decimals and therefore cannot be cast as a signed integer,"
                        + " if you intend to round the value then call `.round()` explicitly before this cast");
            }
            return (long) d;
        }
        if (v instanceof String || v instanceof byte[]) {
            String s = Values.getString(v);
            try {
                return parseGoInt(s);
            } catch (NumberFormatException e) {
                throw new EvalError("strconv.ParseInt: parsing " + goQuote(s) + ": invalid syntax");
            }
        }
        throw new TypeError(v, "number");
    }

    /** strconv.ParseInt(s, 0, 64): base prefixes 0x, 0o, 0b and leading-zero octal. */
    static long parseGoInt(String s) {
        String t = s;
        boolean neg = false;
        if (t.startsWith("+") || t.startsWith("-")) {
            neg = t.startsWith("-");
            t = t.substring(1);
        }
        int radix = 10;
        String lower = t.toLowerCase();
        if (lower.startsWith("0x")) {
            radix = 16;
            t = t.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            t = t.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            t = t.substring(2);
        } else if (t.length() > 1 && t.startsWith("0")) {
            radix = 8;
            t = t.substring(1);
        }
        t = t.replace("_", "");
        if (t.isEmpty()) {
            throw new NumberFormatException(s);
        }
        BigInteger b = new BigInteger(t, radix);
        if (neg) {
            b = b.negate();
        }
        return b.longValueExact();
    }

    private static Object toInt(Object v, long min, long max, String bits) {
        long l = toInt64(v);
        if (l < min || l > max) {
            throw new EvalError("value " + l + " does not fit in int" + bits);
        }
        return l;
    }

    private static Object toUint(Object v, long max, String bits) {
        long l;
        if (v instanceof String || v instanceof byte[]) {
            String s = Values.getString(v);
            try {
                l = parseGoInt(s);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new EvalError("strconv.ParseUint: parsing " + goQuote(s) + ": invalid syntax");
            }
        } else {
            if (v instanceof Double && (Double) v < 0 || v instanceof Long && (Long) v < 0) {
                throw new EvalError("cannot convert negative number to an unsigned integer");
            }
            l = toInt64(v);
        }
        if (l < 0) {
            throw new EvalError("cannot convert negative number to an unsigned integer");
        }
        if (max > 0 && l > max) {
            throw new EvalError("value " + l + " does not fit in uint" + bits);
        }
        return l;
    }

    static AnnotatedError annotated(String msg) {
        return new AnnotatedError(msg);
    }

    static Message unused(ZonedDateTime t) {
        return null;
    }

    static Object special() {
        return Special.NOTHING;
    }
}
