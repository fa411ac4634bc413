package io.sluice.bloblang.exec;

import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.TypeError;
import io.sluice.bloblang.value.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Bento's operators and their odd precedence: {@code * / % |} bind tightest, then {@code + -},
 * then comparisons, and {@code && ||} share the lowest level, all left-associative.
 */
public final class Arithmetic {
    /** Binary operators in Bloblang. */
    public enum Op {
        ADD("add", 1), SUB("subtract", 1), DIV("divide", 0), MUL("multiply", 0), MOD("modulo", 0),
        EQ("compare", 2), NEQ("compare", 2), GT("compare", 2), LT("compare", 2), GTE("compare", 2),
        LTE("compare", 2), AND("boolean and", 3), OR("boolean or", 3), PIPE("coalesce", 0);

        final String verb;
        final int tier;

        Op(String verb, int tier) {
            this.verb = verb;
            this.tier = tier;
        }
    }

    private Arithmetic() {
    }

    /** Folds a flat operand/operator list by tiers; literal-only operations are evaluated now. */
    public static Fn build(List<Fn> fns, List<Op> ops) {
        List<Fn> f = new ArrayList<>(fns);
        List<Op> o = new ArrayList<>(ops);
        for (int tier = 0; tier <= 3 && !o.isEmpty(); tier++) {
            List<Fn> nf = new ArrayList<>();
            List<Op> no = new ArrayList<>();
            nf.add(f.get(0));
            for (int i = 0; i < o.size(); i++) {
                Op op = o.get(i);
                Fn right = f.get(i + 1);
                if (op.tier == tier) {
                    Fn left = nf.get(nf.size() - 1);
                    nf.set(nf.size() - 1, binary(op, left, right));
                } else {
                    nf.add(right);
                    no.add(op);
                }
            }
            f = nf;
            o = no;
        }
        return f.get(0);
    }

    public static Fn binary(Op op, Fn lhs, Fn rhs) {
        switch (op) {
            case AND:
                return new Closure(rhs.annotation(), ctx -> {
                    if (!Values.getBool(lhs.exec(ctx))) {
                        return false;
                    }
                    return Values.getBool(rhs.exec(ctx));
                });
            case OR:
                return new Closure(rhs.annotation(), ctx -> {
                    if (Values.getBool(lhs.exec(ctx))) {
                        return true;
                    }
                    return Values.getBool(rhs.exec(ctx));
                });
            case PIPE:
                return new Closure(rhs.annotation(), ctx -> {
                    try {
                        Object l = lhs.exec(ctx);
                        if (!Values.isNull(l)) {
                            return l;
                        }
                    } catch (EvalError e) {
                        // coalesce swallows the left-hand error
                    }
                    return rhs.exec(ctx);
                });
            default:
                break;
        }
        if (lhs.isLiteral() && rhs.isLiteral()) {
            Object v = apply(op, lhs, rhs, ((Literal) lhs).value(), ((Literal) rhs).value());
            return new Literal(v, rhs.annotation());
        }
        return new Closure(rhs.annotation(), lhs.readsContext() || rhs.readsContext(),
                ctx -> apply(op, lhs, rhs, lhs.exec(ctx), rhs.exec(ctx)));
    }

    static EvalError mismatch(Op op, Fn lf, Fn rf, Object l, Object r) {
        return new io.sluice.bloblang.value.TypeMismatchError("cannot " + op.verb + " types " + Values.typeName(l) + " (from " + lf.annotation()
                + ") and " + Values.typeName(r) + " (from " + rf.annotation() + ")");
    }

    public static Object apply(Op op, Fn lf, Fn rf, Object l, Object r) {
        switch (op) {
            case ADD:
                if (l instanceof Number) {
                    return numeric(op, lf, rf, l, r);
                }
                if (l instanceof String || l instanceof byte[]) {
                    if (!(r instanceof String || r instanceof byte[] || r instanceof java.time.ZonedDateTime)) {
                        throw mismatch(op, lf, rf, l, r);
                    }
                    return Values.getString(l) + Values.getString(r);
                }
                throw mismatch(op, lf, rf, l, r);
            case SUB:
            case MUL:
                return numeric(op, lf, rf, l, r);
            case DIV: {
                if (!(l instanceof Number) || !(r instanceof Number)) {
                    throw mismatch(op, lf, rf, l, r);
                }
                double rv = ((Number) r).doubleValue();
                if (rv == 0) {
                    throw new EvalError(rf.annotation() + ": attempted to divide by zero");
                }
                return ((Number) l).doubleValue() / rv;
            }
            case MOD: {
                if (!(l instanceof Number) || !(r instanceof Number)) {
                    throw mismatch(op, lf, rf, l, r);
                }
                long rv = Values.getInt(r);
                if (rv == 0) {
                    throw new EvalError(rf.annotation() + ": attempted to divide by zero");
                }
                return Values.getInt(l) % rv;
            }
            default:
                return compare(op, lf, rf, l, r);
        }
    }

    private static Object numeric(Op op, Fn lf, Fn rf, Object l, Object r) {
        if (!(l instanceof Number) || !(r instanceof Number)) {
            throw mismatch(op, lf, rf, l, r);
        }
        if (Values.isFloat(l) || Values.isFloat(r)) {
            double a = ((Number) l).doubleValue();
            double b = ((Number) r).doubleValue();
            switch (op) {
                case ADD:
                    return a + b;
                case SUB:
                    return a - b;
                default:
                    return a * b;
            }
        }
        long a = ((Number) l).longValue();
        long b = ((Number) r).longValue();
        switch (op) {
            case ADD:
                return a + b;
            case SUB:
                return a - b;
            default:
                return a * b;
        }
    }

    private static boolean cmp(Op op, int c) {
        switch (op) {
            case EQ:
                return c == 0;
            case NEQ:
                return c != 0;
            case GT:
                return c > 0;
            case LT:
                return c < 0;
            case GTE:
                return c >= 0;
            default:
                return c <= 0;
        }
    }

    private static Object compare(Op op, Fn lf, Fn rf, Object l, Object r) {
        boolean eqOnly = op == Op.EQ || op == Op.NEQ;
        Object lr = Values.restrictForComparison(l);
        if (lr instanceof String) {
            if (r instanceof String || r instanceof byte[] || r instanceof java.time.ZonedDateTime) {
                return cmp(op, ((String) lr).compareTo(Values.getString(r)));
            }
            if (!eqOnly) {
                throw mismatch(op, lf, rf, l, r);
            }
            return generic(op, lr, Values.restrictForComparison(r));
        }
        if (lr instanceof Double) {
            if (r instanceof Number) {
                if (!Values.isFloat(l) && !Values.isFloat(r)) {
                    return cmp(op, Long.compare(((Number) l).longValue(), ((Number) r).longValue()));
                }
                double a = ((Number) l).doubleValue();
                double b = ((Number) r).doubleValue();
                return cmp(op, a == b ? 0 : a < b ? -1 : a > b ? 1 : (op == Op.NEQ ? 1 : 2));
            }
            if (!eqOnly) {
                throw mismatch(op, lf, rf, l, r);
            }
            return generic(op, lr, Values.restrictForComparison(r));
        }
        if (lr instanceof Boolean) {
            if (!eqOnly) {
                throw mismatch(op, lf, rf, l, r);
            }
            if (r instanceof Boolean || r instanceof Number) {
                return cmp(op, ((Boolean) lr) == Values.getBool(r) ? 0 : 1);
            }
            return generic(op, lr, Values.restrictForComparison(r));
        }
        if (!eqOnly) {
            throw mismatch(op, lf, rf, l, r);
        }
        return generic(op, l, r);
    }

    private static boolean generic(Op op, Object l, Object r) {
        boolean eq = Values.compare(l, r);
        return op == Op.EQ ? eq : !eq;
    }

    /** {@code !x}: only booleans can be negated. */
    public static Fn not(Fn fn) {
        return new Closure("not " + fn.annotation(), fn.readsContext(), ctx -> {
            Object v = fn.exec(ctx);
            if (!(v instanceof Boolean)) {
                throw new TypeError(fn.annotation(), v, "bool");
            }
            return !(Boolean) v;
        });
    }

    /** {@code -x} is {@code 0 - x}. */
    public static Fn negate(Fn fn) {
        return binary(Op.SUB, new Literal(0L), fn);
    }

    static TypeError typeError(Object v, String... expected) {
        return new TypeError(v, expected);
    }
}
