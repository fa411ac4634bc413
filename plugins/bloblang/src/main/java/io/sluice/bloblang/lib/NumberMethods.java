package io.sluice.bloblang.lib;

import static io.sluice.bloblang.lib.Param.req;

import io.sluice.bloblang.lib.Param.Type;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.JsonNum;
import io.sluice.bloblang.value.TypeError;
import io.sluice.bloblang.value.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Number methods; integer results stay int64 when the value fits, as in Bento. */
final class NumberMethods {
    /** Bento's limit (PostgreSQL NUMERIC's), which keeps a hostile scale from costing much. */
    private static final int MAX_DECIMAL_SCALE = 16383;

    private NumberMethods() {
    }

    /** Go's json.Number handling: integer text is int64, other text float64. */
    private static Object num(Object v) {
        if (v instanceof JsonNum) {
            String t = ((JsonNum) v).text();
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                return ((JsonNum) v).doubleValue();
            }
        }
        if (v instanceof Long || v instanceof Double) {
            return v;
        }
        throw new TypeError(v, "number");
    }

    private static Object integral(Object v, DoubleUnaryOperator op) {
        Object n = num(v);
        if (n instanceof Long) {
            return n;
        }
        double r = op.applyAsDouble((Double) n);
        if (!Double.isNaN(r) && !Double.isInfinite(r) && r <= 9.223372036854775807E18 && r >= -9.223372036854775808E18) {
            return (long) r;
        }
        return r;
    }

    private static double asDouble(Object v) {
        return ((Number) num(v)).doubleValue();
    }

    static void register() {
        Library.method("round", Signature.of(), (v, a, c) -> integral(v, d -> d < 0 ? -Math.floor(-d + 0.5)
                : Math.floor(d + 0.5)));
        Library.method("floor", Signature.of(), (v, a, c) -> integral(v, Math::floor));
        Library.method("ceil", Signature.of(), (v, a, c) -> integral(v, Math::ceil));
        Library.method("abs", Signature.of(), (v, a, c) -> {
            Object n = num(v);
            if (n instanceof Long) {
                long l = (Long) n;
                return l < 0 ? -l : l;
            }
            return Math.abs((Double) n);
        });
        Library.method("log", Signature.of(), (v, a, c) -> Math.log(asDouble(v)));
        Library.method("log10", Signature.of(), (v, a, c) -> Math.log10(asDouble(v)));
        Library.method("sin", Signature.of(), (v, a, c) -> Math.sin(asDouble(v)));
        Library.method("cos", Signature.of(), (v, a, c) -> Math.cos(asDouble(v)));
        Library.method("tan", Signature.of(), (v, a, c) -> Math.tan(asDouble(v)));
        Library.method("pow", Signature.of(req("exponent", Type.FLOAT)),
                (v, a, c) -> Math.pow(asDouble(v), (Double) a[0]));
        Library.method("sum", Signature.of(), (v, a, c) -> {
            if (!(v instanceof List)) {
                throw new TypeError(v, "array");
            }
            boolean allInt = true;
            long li = 0;
            double d = 0;
            List<Object> l = Values.asArray(v);
            for (int i = 0; i < l.size(); i++) {
                Object n;
                try {
                    n = num(l.get(i));
                } catch (TypeError e) {
                    throw new EvalError("index " + i + ": " + e.getMessage());
                }
                if (n instanceof Long && allInt) {
                    li += (Long) n;
                } else {
                    if (allInt) {
                        d = li;
                        allInt = false;
                    }
                    d += ((Number) n).doubleValue();
                }
            }
            return allInt ? (Object) li : (Object) d;
        });
        Library.pluginCtor("parse_big_decimal", Signature.of(req("scale", Type.INT)), false, a -> {
            long scale = (Long) a[0];
            if (scale < 0 || scale > MAX_DECIMAL_SCALE) {
                throw new EvalError("scale must be between 0 and " + MAX_DECIMAL_SCALE + ", got " + scale);
            }
            return (v, x, c) -> {
                byte[] b = Values.getBytes(v);
                if (b.length == 0) {
                    throw new EvalError("cannot parse empty bytes as big decimal");
                }
                // Kafka Connect / Debezium decimals: a big-endian two's complement unscaled integer
                return new BigDecimal(new BigInteger(b), (int) scale).toPlainString();
            };
        });
        Library.method("min", Signature.of(), (v, a, c) -> extreme(v, true));
        Library.method("max", Signature.of(), (v, a, c) -> extreme(v, false));
    }

    private static Object extreme(Object v, boolean min) {
        if (!(v instanceof List)) {
            throw new TypeError(v, "array");
        }
        List<Object> l = Values.asArray(v);
        if (l.isEmpty()) {
            throw new EvalError("the array was empty");
        }
        double best = 0;
        for (int i = 0; i < l.size(); i++) {
            double d;
            try {
                d = Values.getNumber(l.get(i));
            } catch (TypeError e) {
                throw new EvalError("index " + i + ": " + e.getMessage());
            }
            if (i == 0 || (min ? d < best : d > best)) {
                best = d;
            }
        }
        return best;
    }
}
