package io.sluice.bloblang.lib;

import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code diff} and {@code patch}: a changelog of {@code {"Type","Path","From","To"}} entries
 * (create, update, delete), the shape Bento's r3labs/diff based methods use. Objects are compared
 * key by key (keys in sorted order, so the changelog is deterministic); arrays by membership, with
 * the elements missing on either side paired up by index.
 */
final class Changelog {
    private static final String CREATE = "create";
    private static final String UPDATE = "update";
    private static final String DELETE = "delete";

    private Changelog() {
    }

    static List<Object> diff(Object from, Object to) {
        List<Object> out = new ArrayList<>();
        diff(new ArrayList<>(), from, to, out);
        return out;
    }

    private static void diff(List<String> path, Object a, Object b, List<Object> out) {
        if (a instanceof Map && b instanceof Map) {
            Map<String, Object> ma = Values.asObject(a);
            Map<String, Object> mb = Values.asObject(b);
            TreeSet<String> keys = new TreeSet<>(ma.keySet());
            keys.addAll(mb.keySet());
            for (String k : keys) {
                List<String> p = child(path, k);
                if (!mb.containsKey(k)) {
                    out.add(change(DELETE, p, ma.get(k), null));
                } else if (!ma.containsKey(k)) {
                    out.add(change(CREATE, p, null, mb.get(k)));
                } else {
                    diff(p, ma.get(k), mb.get(k), out);
                }
            }
        } else if (a instanceof List && b instanceof List) {
            diffArrays(path, Values.asArray(a), Values.asArray(b), out);
        } else if (a == null && b instanceof Map) {
            // a missing object is an empty one
            diff(path, new LinkedHashMap<String, Object>(), b, out);
        } else if (a instanceof Map && b == null && !path.isEmpty()) {
            out.add(change(UPDATE, path, a, null));
        } else if (a instanceof Map && b == null) {
            diff(path, a, new LinkedHashMap<String, Object>(), out);
        } else if (!Values.compare(a, b) || (a == null) != (b == null)) {
            out.add(change(UPDATE, path, a, b));
        }
    }

    /** Elements found on both sides are unchanged; the rest pair up by their index. */
    private static void diffArrays(List<String> path, List<Object> a, List<Object> b, List<Object> out) {
        Map<Integer, Object[]> missing = new java.util.TreeMap<>();
        for (int i = 0; i < a.size(); i++) {
            if (!contains(b, a.get(i))) {
                missing.computeIfAbsent(i, k -> new Object[] {null, null, false, false})[0] = a.get(i);
                missing.get(i)[2] = true;
            }
        }
        for (int i = 0; i < b.size(); i++) {
            if (!contains(a, b.get(i))) {
                missing.computeIfAbsent(i, k -> new Object[] {null, null, false, false})[1] = b.get(i);
                missing.get(i)[3] = true;
            }
        }
        for (Map.Entry<Integer, Object[]> e : missing.entrySet()) {
            Object[] pair = e.getValue();
            List<String> p = child(path, Integer.toString(e.getKey()));
            boolean inA = (Boolean) pair[2];
            boolean inB = (Boolean) pair[3];
            if (inA && inB) {
                diff(p, pair[0], pair[1], out);
            } else if (inA) {
                out.add(change(DELETE, p, pair[0], null));
            } else {
                out.add(change(CREATE, p, null, pair[1]));
            }
        }
    }

    private static boolean contains(List<Object> l, Object v) {
        for (Object o : l) {
            if (Values.compare(o, v) && (o == null) == (v == null)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> child(List<String> path, String segment) {
        List<String> p = new ArrayList<>(path);
        p.add(segment);
        return p;
    }

    private static Map<String, Object> change(String type, List<String> path, Object from, Object to) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Type", type);
        c.put("Path", new ArrayList<Object>(path));
        c.put("From", from);
        c.put("To", to);
        return c;
    }

    /** Applies a changelog to a copy of {@code target}. */
    static Object patch(Object target, Object changelog) {
        if (!(changelog instanceof List)) {
            throw new EvalError("expected changelog to be an array of changes, got " + Values.typeName(changelog));
        }
        Object root = Values.deepCopy(target);
        for (Object entry : Values.asArray(changelog)) {
            if (!(entry instanceof Map)) {
                throw new EvalError("expected a change object, got " + Values.typeName(entry));
            }
            Map<String, Object> c = Values.asObject(entry);
            String type = String.valueOf(field(c, "type"));
            List<String> path = new ArrayList<>();
            Object rawPath = field(c, "path");
            if (rawPath instanceof List) {
                for (Object seg : Values.asArray(rawPath)) {
                    path.add(Values.toStr(seg));
                }
            }
            root = apply(root, type, path, Values.deepCopy(field(c, "to")));
        }
        return root;
    }

    /** Reads a change field case-insensitively, as Go's mapstructure decoding does. */
    private static Object field(Map<String, Object> c, String name) {
        for (Map.Entry<String, Object> e : c.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static Object apply(Object root, String type, List<String> path, Object to) {
        if (path.isEmpty()) {
            return DELETE.equals(type) ? null : to;
        }
        Object parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object next = get(parent, path.get(i));
            if (next == null && !DELETE.equals(type)) {
                next = new LinkedHashMap<String, Object>();
                set(parent, path.get(i), next, CREATE);
            }
            parent = next;
        }
        if (parent == null) {
            return root;
        }
        set(parent, path.get(path.size() - 1), to, type);
        return root;
    }

    private static Object get(Object container, String segment) {
        if (container instanceof Map) {
            return Values.asObject(container).get(segment);
        }
        if (container instanceof List) {
            int i = index(segment);
            List<Object> l = Values.asArray(container);
            return i >= 0 && i < l.size() ? l.get(i) : null;
        }
        return null;
    }

    private static void set(Object container, String segment, Object value, String type) {
        if (container instanceof Map) {
            if (DELETE.equals(type)) {
                Values.asObject(container).remove(segment);
            } else {
                Values.asObject(container).put(segment, value);
            }
            return;
        }
        if (!(container instanceof List)) {
            throw new EvalError("cannot patch path segment '" + segment + "' of a " + Values.typeName(container));
        }
        List<Object> l = Values.asArray(container);
        int i = index(segment);
        if (DELETE.equals(type)) {
            if (i >= 0 && i < l.size()) {
                l.remove(i);
            }
        } else if (i >= 0 && i < l.size() && UPDATE.equals(type)) {
            l.set(i, value);
        } else if (i >= 0 && i <= l.size()) {
            l.add(i, value);
        } else {
            throw new EvalError("cannot patch index " + segment + " of an array of " + l.size());
        }
    }

    private static int index(String segment) {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
