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
            if (!(root instanceof Map) && !(root instanceof List)) {
                root = new LinkedHashMap<String, Object>();
            }
            // like gabs: existing arrays are indexed into, anything else missing becomes an object
            Object cur = root;
            for (int i = 0; i < path.size() - 1; i++) {
                Object next = child(cur, path.get(i), (String) a[0]);
                if (!(next instanceof Map) && !(next instanceof List)) {
                    next = new LinkedHashMap<String, Object>();
                    put(cur, path.get(i), next, (String) a[0]);
                }
                cur = next;
            }
            String last = path.get(path.size() - 1);
            if (a[1] == Special.DELETED && cur instanceof Map) {
                Values.asObject(cur).remove(last);
            } else {
                put(cur, last, a[1], (String) a[0]);
            }
            return root;
        });
        // diff and patch give nothing back for a null target, as in Bento
        Library.plugin("diff", Signature.of(req("other", Type.ANY)), false,
                (v, a, ctx) -> v == null ? null : Changelog.diff(v, a[0]));
        Library.plugin("patch", Signature.of(req("changelog", Type.ANY)), false,
                (v, a, ctx) -> v == null ? null : Changelog.patch(v, a[0]));
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
        // sort failures are not prefixed with the target, as in Bento
        Library.methodCtor("sort", Signature.of(opt("compare", Type.QUERY)), (target, args) -> new Closure("method sort",
                ctx -> {
                    Object v = target.exec(ctx);
                    Object cmp = args.resolve(ctx)[0];
                    if (!(v instanceof List)) {
                        throw new TypeError(v, "array");
                    }
                    return Sorting.sort(Values.asArray(v), cmp == Param.ABSENT ? null : (Fn) cmp, ctx);
                }));
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
            List<Object> items = array(v);
            for (int i = 0; i < items.size(); i++) {
                Object o = items.get(i);
                Object key;
                try {
                    key = a[0] == Param.ABSENT ? o : query((Fn) a[0], ctx, o);
                } catch (EvalError e) {
                    throw new EvalError("index " + i + ": " + e.getMessage());
                }
                if (!(key instanceof String) && !(key instanceof Number) && !(key instanceof byte[])) {
                    throw new EvalError("index " + i + ": " + new TypeError(key, "string", "number").getMessage());
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
                // collisions merge as .merge() does: values gather into arrays
                out = Values.asObject(merge(out, o, false));
            }
            return out;
        });
        Library.method("explode", Signature.of(req("path", Type.STRING)), (v, a, ctx) -> {
            object(v);
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
            throw new EvalError("expected array or object value at path '" + a[0] + "', found: " + Values.typeName(target));
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
            int size;
            if (v instanceof List) {
                size = Values.asArray(v).size();
            } else if (v instanceof byte[]) {
                size = ((byte[]) v).length;
            } else {
                throw new TypeError(v, "array");
            }
            long i = (Long) a[0];
            if (i < 0) {
                i += size;
            }
            if (i < 0 || i >= size) {
                throw new EvalError("index '" + i + "' was out of bounds for array size: " + size);
            }
            // a byte is returned as an integer
            return v instanceof byte[] ? (Object) (long) (((byte[]) v)[(int) i] & 0xff) : Values.asArray(v).get((int) i);
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
        Library.method("split_by", Signature.of(req("predicate", Type.QUERY)), (v, a, ctx) -> Splitting.splitBy(v, (Fn) a[0], ctx));
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
                    // Go's encoder only indents when given a non-empty indent
                    boolean compact = (Boolean) a[1] || ((String) a[0]).isEmpty();
                    String s = compact ? GoJson.write(v, html) : GoJson.writeIndented(v, html, (String) a[0]);
                    return StringMethods.utf8(s);
                });
    }

    /** Without use_number, Go decodes every JSON number as float64. */
    static Object floatsOnly(Object v) {
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

    private static Object child(Object container, String segment, String path) {
        if (container instanceof Map) {
            return Values.asObject(container).get(segment);
        }
        return Values.asArray(container).get(arrayIndex(container, segment, path));
    }

    private static void put(Object container, String segment, Object value, String path) {
        if (container instanceof Map) {
            Values.asObject(container).put(segment, value);
        } else {
            Values.asArray(container).set(arrayIndex(container, segment, path), value);
        }
    }

    private static int arrayIndex(Object array, String segment, String path) {
        int size = Values.asArray(array).size();
        int i;
        try {
            i = Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            throw new EvalError("failed to resolve path segment '" + segment + "' of '" + path
                    + "': found array but segment value is not an integer");
        }
        if (i < 0 || i >= size) {
            throw new EvalError("failed to resolve path segment '" + segment + "' of '" + path
                    + "': found array but index " + i + " is out of bounds");
        }
        return i;
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

    /**
     * gabs-style merge: objects merge key by key; on any other collision the values gather into an
     * array (or, for assign, the new value wins). Only the objects and arrays on the paths where
     * both sides collide are rebuilt; untouched subtrees are shared, as nothing edits them in place.
     */
    static Object merge(Object into, Object from, boolean assign) {
        if (into instanceof List) {
            return gather(into, from);
        }
        if (!(into instanceof Map)) {
            throw new TypeError(into, "object", "array");
        }
        if (!(from instanceof Map)) {
            throw new EvalError("cannot merge " + Values.typeName(from) + " into object");
        }
        return mergeObjects(Values.asObject(into), Values.asObject(from), assign);
    }

    private static Map<String, Object> mergeObjects(Map<String, Object> dst, Map<String, Object> src, boolean assign) {
        Map<String, Object> out = new LinkedHashMap<>(dst);
        for (Map.Entry<String, Object> e : src.entrySet()) {
            String k = e.getKey();
            Object sv = e.getValue();
            if (!out.containsKey(k)) {
                out.put(k, sv);
                continue;
            }
            Object dv = out.get(k);
            if (dv instanceof Map && sv instanceof Map) {
                out.put(k, mergeObjects(Values.asObject(dv), Values.asObject(sv), assign));
            } else if (assign) {
                out.put(k, sv);
            } else if (dv instanceof List) {
                out.put(k, gather(dv, sv));
            } else {
                List<Object> l = new ArrayList<>();
                l.add(dv);
                out.put(k, gather(l, sv));
            }
        }
        return out;
    }

    /** A new array: the elements of {@code list}, then {@code more} (its elements if an array). */
    private static List<Object> gather(Object list, Object more) {
        List<Object> out = new ArrayList<>(Values.asArray(list));
        if (more instanceof List) {
            out.addAll(Values.asArray(more));
        } else {
            out.add(more);
        }
        return out;
    }
}
