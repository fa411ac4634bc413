package io.sluice.bloblang.lib;

import static io.sluice.bloblang.lib.Param.def;
import static io.sluice.bloblang.lib.Param.opt;
import static io.sluice.bloblang.lib.Param.req;

import io.sluice.bloblang.exec.Closure;
import io.sluice.bloblang.exec.Ctx;
import io.sluice.bloblang.exec.Fn;
import io.sluice.bloblang.exec.Paths;
import io.sluice.bloblang.lib.Param.Type;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoJson;
import io.sluice.bloblang.value.JsonNum;
import io.sluice.bloblang.value.Special;
import io.sluice.bloblang.value.TypeError;
import io.sluice.bloblang.value.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Methods on objects and arrays, and JSON. */
final class StructuredMethods {
    private StructuredMethods() {
    }

    private static Object query(Fn q, Ctx ctx, Object v) {
        return q.exec(ctx.withValue(v));
    }

    private static boolean predicate(Fn q, Ctx ctx, Object v) {
        Object r = query(q, ctx, v);
        if (!(r instanceof Boolean)) {
            throw new TypeError(r, "bool");
        }
        return (Boolean) r;
    }

    private static List<Object> array(Object v) {
        if (!(v instanceof List)) {
            throw new TypeError(v, "array");
        }
        return Values.asArray(v);
    }

    private static Map<String, Object> object(Object v) {
        if (!(v instanceof Map)) {
            throw new TypeError(v, "object");
        }
        return Values.asObject(v);
    }

    static void register() {
        Library.method("map_each", Signature.of(req("query", Type.QUERY)), (v, a, ctx) -> {
            Fn q = (Fn) a[0];
            if (v instanceof List) {
                List<Object> out = new ArrayList<>();
                List<Object> l = Values.asArray(v);
                for (int i = 0; i < l.size(); i++) {
                    Object r;
                    try {
                        r = query(q, ctx, l.get(i));
                    } catch (EvalError e) {
                        throw new EvalError("failed to process element " + i + ": " + e.getMessage());
                    }
                    if (r == Special.DELETED) {
                        continue;
                    }
                    out.add(r == Special.NOTHING ? l.get(i) : r);
                }
                return out;
            }
            if (v instanceof Map) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : Values.asObject(v).entrySet()) {
                    Map<String, Object> kv = new LinkedHashMap<>();
                    kv.put("key", e.getKey());
                    kv.put("value", e.getValue());
                    Object r;
                    try {
                        r = query(q, ctx, kv);
                    } catch (EvalError err) {
                        throw new EvalError("failed to process element " + e.getKey() + ": " + err.getMessage());
                    }
                    if (r == Special.DELETED) {
                        continue;
                    }
                    out.put(e.getKey(), r == Special.NOTHING ? e.getValue() : r);
                }
                return out;
            }
            throw new TypeError(v, "object", "array");
        });
        Library.method("map_each_key", Signature.of(req("query", Type.QUERY)), (v, a, ctx) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : object(v).entrySet()) {
                Object r = query((Fn) a[0], ctx, e.getKey());
                if (r == Special.DELETED) {
                    continue;
                }
                if (r == Special.NOTHING) {
                    out.put(e.getKey(), e.getValue());
                } else if (r instanceof String) {
                    out.put((String) r, e.getValue());
                } else {
                    throw new EvalError("unexpected result from key mapping: " + new TypeError(r, "string").getMessage());
                }
            }
            return out;
        });
        Library.method("filter", Signature.of(req("test", Type.QUERY)), (v, a, ctx) -> {
            Fn q = (Fn) a[0];
            if (v instanceof List) {
                List<Object> out = new ArrayList<>();
                for (Object o : Values.asArray(v)) {
                    if (predicate(q, ctx, o)) {
                        out.add(o);
                    }
                }
                return out;
            }
            if (v instanceof Map) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : Values.asObject(v).entrySet()) {
                    Map<String, Object> kv = new LinkedHashMap<>();
                    kv.put("key", e.getKey());
                    kv.put("value", e.getValue());
                    if (predicate(q, ctx, kv)) {
                        out.put(e.getKey(), e.getValue());
                    }
                }
                return out;
            }
            throw new TypeError(v, "array", "object");
        });
        Library.method("any", Signature.of(req("test", Type.QUERY)), (v, a, ctx) -> {
            List<Object> l = array(v);
            for (int i = 0; i < l.size(); i++) {
                final int idx = i;
                if (element(i, () -> predicate((Fn) a[0], ctx, l.get(idx)))) {
                    return true;
                }
            }
            return false;
        });
        Library.method("all", Signature.of(req("test", Type.QUERY)), (v, a, ctx) -> {
            List<Object> l = array(v);
            if (l.isEmpty()) {
                return false;
            }
            for (int i = 0; i < l.size(); i++) {
                final int idx = i;
                if (!element(i, () -> predicate((Fn) a[0], ctx, l.get(idx)))) {
                    return false;
                }
            }
            return true;
        });
        Library.method("fold", Signature.of(req("initial", Type.ANY), req("query", Type.QUERY)), (v, a, ctx) -> {
            Object tally = a[0];
            for (Object o : array(v)) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("tally", tally);
                t.put("value", o);
                tally = query((Fn) a[1], ctx, t);
            }
            return tally;
        });
        Library.method("exists", Signature.of(req("path", Type.STRING)), (v, a, ctx) -> {
            Object cur = v;
            for (String seg : Paths.split((String) a[0])) {
                if (cur instanceof Map && ((Map<?, ?>) cur).containsKey(seg)) {
                    cur = ((Map<?, ?>) cur).get(seg);
                } else if (cur instanceof List) {
                    Object n = Paths.get(cur, new String[] {seg});
                    if (n == null) {
                        return false;
                    }
                    cur = n;
                } else {
                    return false;
                }
            }
            return true;
        });
        Library.methodCtor("get", Signature.of(req("path", Type.STRING)), (target, args) -> {
            Object p = args.staticValues()[0];
            if (p instanceof String) {
                return io.sluice.bloblang.exec.Exprs.getPath(target, Paths.split((String) p));
            }
            return Library.simple("get", target, args,
                    (v, a, ctx) -> Paths.get(v, Paths.split((String) a[0]).toArray(new String[0])));
        });
        Library.method("set", Signature.of(req("path", Type.STRING), req("value", Type.ANY)), (v, a, ctx) -> {
            List<String> path = Paths.split((String) a[0]);
            if (path.isEmpty()) {
                return a[1];
            }
            Object root = Values.deepCopy(v);
            if (!(root instanceof Map)) {
                root = new LinkedHashMap<String, Object>();
            }
            Map<String, Object> cur = Values.asObject(root);
            for (int i = 0; i < path.size() - 1; i++) {
                Object n = cur.get(path.get(i));
                if (!(n instanceof Map)) {
                    n = new LinkedHashMap<String, Object>();
                    cur.put(path.get(i), n);
                }
                cur = Values.asObject(n);
            }
            if (a[1] == Special.DELETED) {
                cur.remove(path.get(path.size() - 1));
            } else {
                cur.put(path.get(path.size() - 1), a[1]);
            }
            return root;
        });
        Library.method("merge", Signature.of(req("with", Type.ANY)), (v, a, ctx) -> merge(v, a[0], false));
        Library.method("assign", Signature.of(req("with", Type.ANY)), (v, a, ctx) -> merge(v, a[0], true));
        Library.method("without", Signature.variadic(), (v, a, ctx) -> {
            Object out = Values.deepCopy(object(v));
            for (Object p : a) {
                List<String> path = Paths.split(Values.getString(p));
                Object cur = out;
                for (int i = 0; i < path.size() - 1 && cur instanceof Map; i++) {
                    cur = ((Map<?, ?>) cur).get(path.get(i));
                }
                if (cur instanceof Map && !path.isEmpty()) {
                    ((Map<?, ?>) cur).remove(path.get(path.size() - 1));
                }
            }
            return out;
        });
        Library.method("with", Signature.variadic(), (v, a, ctx) -> {
            Map<String, Object> src = object(v);
            Map<String, Object> out = new LinkedHashMap<>();
            for (Object p : a) {
                List<String> path = Paths.split(Values.getString(p));
                Object val = Paths.get(src, path.toArray(new String[0]));
                if (val == null && !hasPath(src, path)) {
                    continue;
                }
                Map<String, Object> cur = out;
                for (int i = 0; i < path.size() - 1; i++) {
                    cur = Values.asObject(cur.computeIfAbsent(path.get(i), k -> new LinkedHashMap<String, Object>()));
                }
                cur.put(path.get(path.size() - 1), Values.deepCopy(val));
            }
            return out;
        });
        Library.method("keys", Signature.of(), (v, a, ctx) -> {
            List<String> keys = new ArrayList<>(object(v).keySet());
            Collections.sort(keys);
            return new ArrayList<Object>(keys);
        });
        Library.method("values", Signature.of(), (v, a, ctx) -> new ArrayList<>(object(v).values()));
        Library.method("key_values", Signature.of(), (v, a, ctx) -> {
            List<Object> out = new ArrayList<>();
            for (Map.Entry<String, Object> e : object(v).entrySet()) {
                Map<String, Object> kv = new LinkedHashMap<>();
                kv.put("key", e.getKey());
                kv.put("value", e.getValue());
                out.add(kv);
            }
            return out;
        });
        Library.method("sort", Signature.of(opt("compare", Type.QUERY)), (v, a, ctx) -> {
            List<Object> l = new ArrayList<>(array(v));
            if (a[0] == Param.ABSENT) {
                l.sort(StructuredMethods::naturalCompare);
            } else {
                Fn q = (Fn) a[0];
                l.sort((x, y) -> {
                    Map<String, Object> lr = new LinkedHashMap<>();
                    lr.put("left", x);
                    lr.put("right", y);
                    return predicate(q, ctx, lr) ? -1 : (predicateSwap(q, ctx, x, y) ? 1 : 0);
                });
            }
            return l;
        });
        Library.method("sort_by", Signature.of(req("query", Type.QUERY)), (v, a, ctx) -> {
            List<Object> l = new ArrayList<>(array(v));
            List<Object[]> keyed = new ArrayList<>();
            for (Object o : l) {
                keyed.add(new Object[] {query((Fn) a[0], ctx, o), o});
            }
            keyed.sort((x, y) -> naturalCompare(x[0], y[0]));
            List<Object> out = new ArrayList<>();
            for (Object[] k : keyed) {
                out.add(k[1]);
            }
            return out;
        });
        Library.method("unique", Signature.of(opt("emit", Type.QUERY)), (v, a, ctx) -> {
            List<Object> out = new ArrayList<>();
            List<Object> seen = new ArrayList<>();
            for (Object o : array(v)) {
                Object key = a[0] == Param.ABSENT ? o : query((Fn) a[0], ctx, o);
                if (!(key instanceof String) && !(key instanceof Number) && !(key instanceof byte[])) {
                    throw new TypeError(key, "string", "number");
                }
                boolean dup = false;
                for (Object s : seen) {
                    if (Values.compare(s, key)) {
                        dup = true;
                        break;
                    }
                }
                if (!dup) {
                    seen.add(key);
                    out.add(o);
                }
            }
            return out;
        });
        Library.method("append", Signature.variadic(), (v, a, ctx) -> {
            List<Object> out = new ArrayList<>(array(v));
            Collections.addAll(out, a);
            return out;
        });
        Library.method("concat", Signature.variadic(), (v, a, ctx) -> {
            List<Object> out = new ArrayList<>(array(v));
            for (Object o : a) {
                out.addAll(array(o));
            }
            return out;
        });
        Library.method("flatten", Signature.of(), (v, a, ctx) -> {
            List<Object> out = new ArrayList<>();
            for (Object o : array(v)) {
                if (o instanceof List) {
                    out.addAll(Values.asArray(o));
                } else {
                    out.add(o);
                }
            }
            return out;
        });
        Library.method("collapse", Signature.of(def("include_empty", Type.BOOL, false)), (v, a, ctx) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            collapse("", v, out, (Boolean) a[0]);
            return out;
        });
        Library.method("squash", Signature.of(), (v, a, ctx) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Object o : array(v)) {
                Object m = merge(out, o, true);
                out = Values.asObject(m);
            }
            return out;
        });
        Library.method("explode", Signature.of(req("path", Type.STRING)), (v, a, ctx) -> {
            List<String> path = Paths.split((String) a[0]);
            Object target = Paths.get(v, path.toArray(new String[0]));
            if (target instanceof List) {
                List<Object> out = new ArrayList<>();
                for (Object e : Values.asArray(target)) {
                    out.add(setPath(v, path, e));
                }
                return out;
            }
            if (target instanceof Map) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : Values.asObject(target).entrySet()) {
                    out.put(e.getKey(), setPath(v, path, e.getValue()));
                }
                return out;
            }
            throw new TypeError(target, "object", "array");
        });
        Library.method("enumerated", Signature.of(), (v, a, ctx) -> {
            List<Object> out = new ArrayList<>();
            List<Object> l = array(v);
            for (int i = 0; i < l.size(); i++) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("index", (long) i);
                e.put("value", l.get(i));
                out.add(e);
            }
            return out;
        });
        Library.method("find", Signature.of(req("value", Type.ANY)), (v, a, ctx) -> {
            List<Object> l = array(v);
            for (int i = 0; i < l.size(); i++) {
                if (Values.compare(a[0], l.get(i))) {
                    return (long) i;
                }
            }
            return -1L;
        });
        Library.method("find_all", Signature.of(req("value", Type.ANY)), (v, a, ctx) -> {
            List<Object> out = new ArrayList<>();
            List<Object> l = array(v);
            for (int i = 0; i < l.size(); i++) {
                if (Values.compare(a[0], l.get(i))) {
                    out.add((long) i);
                }
            }
            return out;
        });
        Library.method("find_by", Signature.of(req("query", Type.QUERY)), (v, a, ctx) -> {
            List<Object> l = array(v);
            for (int i = 0; i < l.size(); i++) {
                if (predicate((Fn) a[0], ctx, l.get(i))) {
                    return (long) i;
                }
            }
            return -1L;
        });
        Library.method("find_all_by", Signature.of(req("query", Type.QUERY)), (v, a, ctx) -> {
            List<Object> out = new ArrayList<>();
            List<Object> l = array(v);
            for (int i = 0; i < l.size(); i++) {
                if (predicate((Fn) a[0], ctx, l.get(i))) {
                    out.add((long) i);
                }
            }
            return out;
        });
        Library.method("index", Signature.of(req("index", Type.INT)), (v, a, ctx) -> {
            List<Object> l = array(v);
            long i = (Long) a[0];
            if (i < 0) {
                i += l.size();
            }
            if (i < 0 || i >= l.size()) {
                throw new EvalError("index '" + a[0] + "' was out of bounds for array size: " + l.size());
            }
            return l.get((int) i);
        });
        Library.method("zip", Signature.variadic(), (v, a, ctx) -> {
            List<List<Object>> arrays = new ArrayList<>();
            arrays.add(array(v));
            for (Object o : a) {
                arrays.add(array(o));
            }
            int n = arrays.get(0).size();
            for (List<Object> l : arrays) {
                if (l.size() != n) {
                    throw new EvalError("can't zip different length array values");
                }
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<Object> t = new ArrayList<>();
                for (List<Object> l : arrays) {
                    t.add(l.get(i));
                }
                out.add(t);
            }
            return out;
        });
        Library.method("split_by", Signature.of(req("predicate", Type.QUERY)), (v, a, ctx) -> {
            if (v instanceof String) {
                List<Object> out = new ArrayList<>();
                StringBuilder cur = new StringBuilder();
                int[] cps = ((String) v).codePoints().toArray();
                for (int cp : cps) {
                    String ch = new String(Character.toChars(cp));
                    if (predicate((Fn) a[0], ctx, ch)) {
                        out.add(cur.toString());
                        cur.setLength(0);
                    } else {
                        cur.append(ch);
                    }
                }
                out.add(cur.toString());
                return out;
            }
            List<Object> l = array(v);
            List<Object> out = new ArrayList<>();
            List<Object> cur = new ArrayList<>();
            for (Object o : l) {
                if (predicate((Fn) a[0], ctx, o)) {
                    out.add(cur);
                    cur = new ArrayList<>();
                } else {
                    cur.add(o);
                }
            }
            out.add(cur);
            return out;
        });
        Library.method("parse_json", Signature.of(opt("use_number", Type.BOOL)), (v, a, ctx) -> {
            Object r;
            try {
                r = GoJson.parse(Values.getBytes(v));
            } catch (EvalError e) {
                if (e instanceof TypeError) {
                    throw e;
                }
                throw new EvalError("failed to parse value as JSON: " + e.getMessage());
            }
            return Boolean.TRUE.equals(a[0]) ? r : floatsOnly(r);
        });
        Library.method("format_json", Signature.of(def("indent", Type.STRING, "    "),
                def("no_indent", Type.BOOL, false), def("escape_html", Type.BOOL, true)), (v, a, ctx) -> {
                    boolean html = (Boolean) a[2];
                    String s = (Boolean) a[1] ? GoJson.write(v, html) : GoJson.writeIndented(v, html, (String) a[0]);
                    return StringMethods.utf8(s);
                });
    }

    /** Without use_number, Go decodes every JSON number as float64. */
    private static Object floatsOnly(Object v) {
        if (v instanceof Long) {
            return ((Long) v).doubleValue();
        }
        if (v instanceof JsonNum) {
            return ((JsonNum) v).doubleValue();
        }
        if (v instanceof Map) {
            Map<String, Object> m = Values.asObject(v);
            m.replaceAll((k, x) -> floatsOnly(x));
            return m;
        }
        if (v instanceof List) {
            List<Object> l = Values.asArray(v);
            l.replaceAll(StructuredMethods::floatsOnly);
            return l;
        }
        return v;
    }

    private interface BoolSupplier {
        boolean get();
    }

    private static boolean element(int i, BoolSupplier s) {
        try {
            return s.get();
        } catch (EvalError e) {
            throw new EvalError("element " + i + ": " + e.getMessage());
        }
    }

    private static boolean predicateSwap(Fn q, Ctx ctx, Object x, Object y) {
        Map<String, Object> lr = new LinkedHashMap<>();
        lr.put("left", y);
        lr.put("right", x);
        return predicate(q, ctx, lr);
    }

    private static boolean hasPath(Object v, List<String> path) {
        Object cur = v;
        for (String seg : path) {
            if (!(cur instanceof Map) || !((Map<?, ?>) cur).containsKey(seg)) {
                return false;
            }
            cur = ((Map<?, ?>) cur).get(seg);
        }
        return true;
    }

    private static Object setPath(Object root, List<String> path, Object value) {
        Object copy = Values.deepCopy(root);
        if (path.isEmpty()) {
            return value;
        }
        Map<String, Object> cur = Values.asObject(copy);
        for (int i = 0; i < path.size() - 1; i++) {
            cur = Values.asObject(cur.get(path.get(i)));
        }
        cur.put(path.get(path.size() - 1), value);
        return copy;
    }

    static int naturalCompare(Object x, Object y) {
        if (x instanceof Number && y instanceof Number) {
            return Double.compare(((Number) x).doubleValue(), ((Number) y).doubleValue());
        }
        if ((x instanceof String || x instanceof byte[]) && (y instanceof String || y instanceof byte[])) {
            return Values.getString(x).compareTo(Values.getString(y));
        }
        throw new EvalError("expected number or string value, got " + Values.typeName(x));
    }

    private static void collapse(String prefix, Object v, Map<String, Object> out, boolean includeEmpty) {
        if (v instanceof Map) {
            Map<String, Object> m = Values.asObject(v);
            if (m.isEmpty() && includeEmpty && !prefix.isEmpty()) {
                out.put(prefix, m);
            }
            for (Map.Entry<String, Object> e : m.entrySet()) {
                collapse(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, includeEmpty);
            }
        } else if (v instanceof List) {
            List<Object> l = Values.asArray(v);
            if (l.isEmpty() && includeEmpty && !prefix.isEmpty()) {
                out.put(prefix, l);
            }
            for (int i = 0; i < l.size(); i++) {
                collapse(prefix.isEmpty() ? Integer.toString(i) : prefix + "." + i, l.get(i), out, includeEmpty);
            }
        } else {
            out.put(prefix, v);
        }
    }

    /** gabs-style merge: on a non-object collision, values merge into an array (or assign overwrites). */
    static Object merge(Object into, Object from, boolean assign) {
        Object src = Values.deepCopy(from);
        if (into instanceof List) {
            List<Object> out = new ArrayList<>(Values.asArray(into));
            if (src instanceof List) {
                out.addAll(Values.asArray(src));
            } else {
                out.add(src);
            }
            return out;
        }
        if (!(into instanceof Map)) {
            throw new TypeError(into, "object", "array");
        }
        Map<String, Object> out = Values.asObject(Values.deepCopy(into));
        if (!(src instanceof Map)) {
            throw new EvalError("cannot merge " + Values.typeName(src) + " into object");
        }
        mergeInto(out, Values.asObject(src), assign);
        return out;
    }

    private static void mergeInto(Map<String, Object> dst, Map<String, Object> src, boolean assign) {
        for (Map.Entry<String, Object> e : src.entrySet()) {
            String k = e.getKey();
            Object sv = e.getValue();
            if (!dst.containsKey(k)) {
                dst.put(k, sv);
                continue;
            }
            Object dv = dst.get(k);
            if (dv instanceof Map && sv instanceof Map) {
                mergeInto(Values.asObject(dv), Values.asObject(sv), assign);
            } else if (assign) {
                dst.put(k, sv);
            } else if (dv instanceof List) {
                List<Object> l = new ArrayList<>(Values.asArray(dv));
                if (sv instanceof List) {
                    l.addAll(Values.asArray(sv));
                } else {
                    l.add(sv);
                }
                dst.put(k, l);
            } else {
                List<Object> l = new ArrayList<>();
                l.add(dv);
                if (sv instanceof List) {
                    l.addAll(Values.asArray(sv));
                } else {
                    l.add(sv);
                }
                dst.put(k, l);
            }
        }
    }
}
