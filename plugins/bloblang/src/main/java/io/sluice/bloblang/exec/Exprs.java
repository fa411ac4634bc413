package io.sluice.bloblang.exec;

import io.sluice.bloblang.Message;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.Special;
import io.sluice.bloblang.value.TypeError;
import io.sluice.bloblang.value.Values;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Constructors for the structural expressions of the language. */
public final class Exprs {
    private Exprs() {
    }

    /** {@code @key} (or {@code @} for all metadata) reads the metadata of the message being built. */
    public static Fn metadataRef(String key) {
        if (!key.isEmpty()) {
            return new Closure("meta field " + key, false, ctx -> {
                Message m = ctx.run.newMeta;
                if (m == null) {
                    throw new EvalError("metadata cannot be queried in this context");
                }
                return m.metadata().get(key);
            });
        }
        return new Closure("meta object", false, ctx -> {
            Message m = ctx.run.newMeta;
            if (m == null) {
                throw new EvalError("metadata cannot be queried in this context");
            }
            return new LinkedHashMap<>(m.metadata());
        });
    }

    public static Fn variable(String name) {
        return new Closure("variable " + name, false, ctx -> {
            Map<String, Object> vars = ctx.run.vars;
            Object v = vars.get(name);
            if (v == null && !vars.containsKey(name)) {
                throw new EvalError("variable '" + name + "' undefined");
            }
            return v;
        });
    }

    /** A path applied to any expression ({@code (expr).foo.bar}). */
    public static Fn getPath(Fn target, List<String> path) {
        if (target instanceof FieldFn) {
            return ((FieldFn) target).expand(path);
        }
        List<String> full = new ArrayList<>(path);
        Fn base = target;
        if (target instanceof GetPath) {
            GetPath g = (GetPath) target;
            full = new ArrayList<>(g.path);
            full.addAll(path);
            base = g.target;
        }
        return new GetPath(base, full);
    }

    static final class GetPath extends Fn {
        final Fn target;
        final List<String> path;
        private final String[] arr;

        GetPath(Fn target, List<String> path) {
            this.target = target;
            this.path = path;
            this.arr = path.toArray(new String[0]);
        }

        @Override
        public Object exec(Ctx ctx) {
            return Paths.get(target.exec(ctx), arr);
        }

        @Override
        public String annotation() {
            return "path `" + Paths.join(path) + "`";
        }

        @Override
        public boolean readsContext() {
            return target.readsContext();
        }
    }

    public static Fn arrayLiteral(List<Fn> items) {
        boolean allLit = items.stream().allMatch(Fn::isLiteral);
        if (allLit) {
            List<Object> out = new ArrayList<>(items.size());
            for (Fn f : items) {
                Object v = ((Literal) f).value();
                if (v != Special.NOTHING && v != Special.DELETED) {
                    out.add(v);
                }
            }
            return new Literal(out, "array literal");
        }
        boolean reads = items.stream().anyMatch(Fn::readsContext);
        return new Closure("array literal", reads, ctx -> {
            List<Object> out = new ArrayList<>(items.size());
            for (Fn f : items) {
                Object v = f.exec(ctx);
                if (v != Special.NOTHING && v != Special.DELETED) {
                    out.add(v);
                }
            }
            return out;
        });
    }

    /** Object literal; keys are strings or queries that must resolve to strings. */
    public static Fn objectLiteral(List<Object[]> entries) {
        boolean allLit = true;
        boolean reads = false;
        for (Object[] kv : entries) {
            if (kv[0] instanceof Fn) {
                Fn k = (Fn) kv[0];
                if (k.isLiteral()) {
                    Object kvV = ((Literal) k).value();
                    if (!(kvV instanceof String)) {
                        throw new EvalError("object keys must be strings, received: " + Values.goTypeName(kvV));
                    }
                    kv[0] = kvV;
                } else {
                    allLit = false;
                    reads |= k.readsContext();
                }
            }
            Fn v = (Fn) kv[1];
            allLit &= v.isLiteral();
            reads |= v.readsContext();
        }
        if (allLit) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Object[] kv : entries) {
                Object v = ((Literal) kv[1]).value();
                if (v != Special.NOTHING && v != Special.DELETED) {
                    out.put((String) kv[0], v);
                }
            }
            return new Literal(out, "object literal");
        }
        return new Closure("object literal", reads, ctx -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Object[] kv : entries) {
                String key;
                if (kv[0] instanceof String) {
                    key = (String) kv[0];
                } else {
                    Fn kf = (Fn) kv[0];
                    Object k = kf.exec(ctx);
                    if (!(k instanceof String)) {
                        throw new EvalError("key " + kf.annotation() + ": "
                                + new TypeError(k, "string").getMessage());
                    }
                    key = (String) k;
                }
                Object v = ((Fn) kv[1]).exec(ctx);
                if (v != Special.NOTHING && v != Special.DELETED) {
                    out.put(key, v);
                }
            }
            return out;
        });
    }

    /** {@code target.(query)}: evaluates the query with the target as context. */
    public static Fn mapExpression(Fn target, Fn query) {
        return new Closure(query.annotation(), target.readsContext(), ctx -> query.exec(ctx.withValue(target.exec(ctx))));
    }

    /** {@code name -> query}: captures the current context under a name. */
    public static Fn namedContext(String name, Fn query) {
        return new NamedContext(name, query);
    }

    /** The capture node; also checked by the parser to refuse double captures. */
    public static final class NamedContext extends Fn {
        private final String name;
        private final Fn query;

        NamedContext(String name, Fn query) {
            this.name = name;
            this.query = query;
        }

        public String name() {
            return name;
        }

        @Override
        public Object exec(Ctx ctx) {
            Ctx[] after = new Ctx[1];
            Object v = ctx.popValue(after);
            if (v == Ctx.UNDEF) {
                throw new EvalError("failed to capture context " + name + ": context was undefined");
            }
            Ctx next = after[0];
            if (!name.equals("_")) {
                next = next.withNamed(name, v);
            }
            return query.exec(next);
        }

        @Override
        public String annotation() {
            return query.annotation();
        }
    }

    public static Fn ifExpression(List<Fn> conditions, List<Fn> branches, Fn elseFn) {
        return new Closure("if expression", ctx -> {
            for (int i = 0; i < conditions.size(); i++) {
                Fn cond = conditions.get(i);
                Object q;
                try {
                    q = cond.exec(ctx);
                } catch (EvalError e) {
                    throw new EvalError(i == 0 ? "failed to check if condition: " + e.getMessage()
                            : "failed to check if condition " + i + ": " + e.getMessage());
                }
                boolean res;
                if (q instanceof Boolean) {
                    res = (Boolean) q;
                } else if (q == null) {
                    res = false;
                } else {
                    throw new EvalError(cond.annotation() + " resolved to a non-boolean value " + Values.goSprint(q)
                            + " (" + Values.goTypeName(q) + ")");
                }
                if (res) {
                    return branches.get(i).exec(ctx);
                }
            }
            return elseFn != null ? elseFn.exec(ctx) : Special.NOTHING;
        });
    }

    public static Fn match(Fn context, List<Fn> cases, List<Fn> results) {
        return new Closure("match expression", ctx -> {
            Object v;
            if (context == null) {
                Object cur = ctx.value();
                v = cur == Ctx.UNDEF ? null : cur;
            } else {
                v = context.exec(ctx);
            }
            Ctx caseCtx = ctx.withValue(v);
            for (int i = 0; i < cases.size(); i++) {
                Object c;
                try {
                    c = cases.get(i).exec(caseCtx);
                } catch (EvalError e) {
                    throw new EvalError("failed to check match case " + i + ": " + e.getMessage());
                }
                if (Boolean.TRUE.equals(c)) {
                    return results.get(i).exec(caseCtx);
                }
            }
            return Special.NOTHING;
        });
    }

    /** A literal match case compares the context value with the literal. */
    public static Fn literalCase(Object literal) {
        return new Closure("case statement", ctx -> {
            Object v = ctx.value();
            if (v == Ctx.UNDEF) {
                return false;
            }
            return Values.compare(v, literal);
        });
    }

    public static Fn index(Fn target, Fn indexExpr) {
        return new Closure("index", ctx -> {
            Object t = target.exec(ctx);
            Object iv = indexExpr.exec(ctx);
            long idx;
            try {
                idx = Values.getInt(iv);
            } catch (TypeError e) {
                throw new EvalError("index: " + e.getMessage());
            }
            long len;
            if (t instanceof String) {
                len = ((String) t).getBytes(StandardCharsets.UTF_8).length;
            } else if (t instanceof byte[]) {
                len = ((byte[]) t).length;
            } else if (t instanceof List) {
                len = ((List<?>) t).size();
            } else {
                throw new TypeError(t, "array", "string");
            }
            if (idx < 0) {
                idx += len;
            }
            if (idx < 0 || idx >= len) {
                throw new EvalError("index " + idx + " out of bounds for length " + len);
            }
            if (t instanceof String) {
                int b = ((String) t).getBytes(StandardCharsets.UTF_8)[(int) idx] & 0xff;
                return new String(Character.toChars(b));
            }
            if (t instanceof byte[]) {
                return (long) (((byte[]) t)[(int) idx] & 0xff);
            }
            return ((List<?>) t).get((int) idx);
        });
    }

    public static Fn slice(Fn target, Fn start, Fn end, Fn step) {
        return new Closure("slice", ctx -> {
            Object t = target.exec(ctx);
            Long s = bound(ctx, start, "slice start bound: ");
            Long e = bound(ctx, end, "slice end bound: ");
            Long st = bound(ctx, step, "slice step: ");
            if (st != null && st == 0) {
                throw new EvalError("slice step cannot be zero");
            }
            if (s != null && e != null && st == null && s > e) {
                throw new EvalError("lower slice bound (" + s + ") must be lower than upper (" + e + ")");
            }
            if (t instanceof String) {
                int[] cps = ((String) t).codePoints().toArray();
                List<Integer> idx = sliceIndexes(cps.length, s, e, st);
                StringBuilder b = new StringBuilder();
                for (int i : idx) {
                    b.appendCodePoint(cps[i]);
                }
                return b.toString();
            }
            if (t instanceof byte[]) {
                byte[] bs = (byte[]) t;
                List<Integer> idx = sliceIndexes(bs.length, s, e, st);
                byte[] out = new byte[idx.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = bs[idx.get(i)];
                }
                return out;
            }
            if (t instanceof List) {
                List<Object> l = Values.asArray(t);
                List<Integer> idx = sliceIndexes(l.size(), s, e, st);
                List<Object> out = new ArrayList<>(idx.size());
                for (int i : idx) {
                    out.add(l.get(i));
                }
                return out;
            }
            throw new TypeError(t, "array", "string");
        });
    }

    private static Long bound(Ctx ctx, Fn f, String prefix) {
        if (f == null) {
            return null;
        }
        Object v = f.exec(ctx);
        try {
            return Values.getInt(v);
        } catch (TypeError e) {
            throw new EvalError(prefix + e.getMessage());
        }
    }

    private static List<Integer> sliceIndexes(long length, Long start, Long end, Long step) {
        long stepVal = step == null ? 1 : step;
        long s;
        long e;
        if (start == null) {
            s = stepVal > 0 ? 0 : length - 1;
        } else {
            s = start;
            if (s < 0) {
                s = Math.max(length + s, 0);
            }
            if (stepVal > 0) {
                s = Math.min(s, length);
            }
        }
        if (end == null) {
            e = stepVal > 0 ? length : -1;
        } else {
            e = end;
            if (e < 0) {
                e = Math.max(length + e, -1);
            }
            if (stepVal > 0) {
                e = Math.min(e, length);
            }
        }
        List<Integer> out = new ArrayList<>();
        if (stepVal == 1) {
            if (s > e) {
                throw new EvalError("slice bounds out of range [" + s + ":" + e + "]");
            }
            for (long i = s; i < e; i++) {
                out.add((int) i);
            }
            return out;
        }
        if (stepVal > 0) {
            for (long i = s; i < e; i += stepVal) {
                out.add((int) i);
            }
        } else {
            for (long i = Math.min(s, length - 1); i > e; i += stepVal) {
                out.add((int) i);
            }
        }
        return out;
    }
}
