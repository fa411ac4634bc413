package io.sluice.bloblang.exec;

import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.Special;
import io.sluice.bloblang.value.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code path = query}, {@code meta key = query} and {@code let name = query}. */
public final class Assignment extends Statement {
    /** What an assignment writes to. */
    public enum Kind { ROOT, META, VAR }

    private final Kind kind;
    private final String[] path;
    private final String key;
    private final Fn query;
    /** False when no later statement writes inside the assigned value, so it may be stored uncopied. */
    private boolean copyValue = true;
    /** The query may return part of root itself (or a variable that might hold one): always copy. */
    private boolean aliasesRoot;

    public Assignment(int line, Kind kind, List<String> path, String key, Fn query) {
        super(line);
        this.kind = kind;
        this.path = path == null ? new String[0] : path.toArray(new String[0]);
        this.key = key;
        this.query = query;
    }

    public Fn query() {
        return query;
    }

    public Kind kind() {
        return kind;
    }

    public String[] path() {
        return path;
    }

    /** Marks a query that may return part of root, so its value is always copied. */
    public Assignment mayAliasRoot(boolean mayAlias) {
        aliasesRoot = mayAlias;
        return this;
    }

    @Override
    void collectAssignments(List<Assignment> out) {
        out.add(this);
    }

    /**
     * Bento copies every assigned value so that a later {@code root.a.b = x} cannot change the
     * structure it came from ({@code this}, a variable). A copy is only needed when such a write
     * follows, so for each root assignment this looks for a later one inside its path. Values that
     * may be part of root itself are always copied (see {@link #mayAliasRoot}).
     */
    static void skipNeedlessCopies(List<Statement> statements) {
        List<Assignment> all = new java.util.ArrayList<>();
        for (Statement s : statements) {
            s.collectAssignments(all);
        }
        for (int i = 0; i < all.size(); i++) {
            Assignment a = all.get(i);
            if (a.kind != Kind.ROOT) {
                continue;
            }
            boolean writtenInside = false;
            for (int j = i + 1; j < all.size() && !writtenInside; j++) {
                Assignment later = all.get(j);
                writtenInside = later.kind == Kind.ROOT && later.path.length > a.path.length && startsWith(later.path, a.path);
            }
            a.copyValue = writtenInside || a.aliasesRoot;
        }
    }

    private static boolean startsWith(String[] path, String[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (!path[i].equals(prefix[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean readsContext() {
        return query.readsContext();
    }

    @Override
    public void execute(Ctx ctx, Target t) {
        Object v = query.exec(ctx);
        if (v == Special.NOTHING) {
            return;
        }
        switch (kind) {
            case VAR:
                if (v == Special.DELETED) {
                    t.vars.remove(key);
                } else {
                    t.vars.put(key, v);
                }
                return;
            case META:
                assignMeta(v, t);
                return;
            default:
                assignRoot(v, t, ctx.run);
        }
    }

    private void assignMeta(Object v, Target t) {
        if (t.meta == null) {
            throw new EvalError("unable to assign metadata in the current context");
        }
        Map<String, Object> meta = t.meta.metadata();
        boolean deleted = v == Special.DELETED;
        if (key == null) {
            if (deleted) {
                meta.clear();
            } else if (v instanceof Map) {
                meta.clear();
                for (Map.Entry<String, Object> e : Values.asObject(Values.deepCopy(v)).entrySet()) {
                    meta.put(e.getKey(), e.getValue());
                }
            } else {
                throw new EvalError("setting root meta object requires object value, received: " + Values.goTypeName(v));
            }
            return;
        }
        if (deleted) {
            meta.remove(key);
        } else {
            meta.put(key, Values.deepCopy(v));
        }
    }

    private void assignRoot(Object v, Target t, Run run) {
        boolean deleted = v == Special.DELETED;
        if (!deleted && (copyValue || t.copyAll)) {
            v = Values.deepCopy(v);
        } else if (v instanceof Map || v instanceof List) {
            run.sharesStructure = true;
        }
        if (path.length == 0) {
            t.root[0] = v;
            return;
        }
        if (t.root[0] == Special.NOTHING || t.root[0] == null) {
            t.root[0] = new LinkedHashMap<String, Object>();
        }
        if (deleted) {
            delete(t.root[0], 0);
            return;
        }
        Object cur = t.root[0];
        if (!(cur instanceof Map) && !(cur instanceof List)) {
            throw new EvalError("unable to set target path " + Paths.join(List.of(path))
                    + " as the value of the root was a non-object type (" + Values.typeName(cur) + ")");
        }
        for (int i = 0; i < path.length - 1; i++) {
            Object next = child(cur, path[i], i);
            if (next == null) {
                next = new LinkedHashMap<String, Object>();
                put(cur, path[i], next, i);
            } else if (!(next instanceof Map) && !(next instanceof List)) {
                throw new EvalError("unable to set target path " + Paths.join(List.of(path)) + " as the value of "
                        + Paths.join(List.of(path).subList(0, i + 1)) + " was a non-object type ("
                        + Values.typeName(next) + ")");
            }
            cur = next;
        }
        put(cur, path[path.length - 1], v, path.length - 1);
    }

    private Object child(Object cur, String seg, int depth) {
        if (cur instanceof Map) {
            return ((Map<?, ?>) cur).get(seg);
        }
        List<Object> l = Values.asArray(cur);
        int i = Paths.parseIndex(seg);
        if (i < 0 || i >= l.size()) {
            throw collision(depth);
        }
        return l.get(i);
    }

    private void put(Object cur, String seg, Object v, int depth) {
        if (cur instanceof Map) {
            Values.asObject(cur).put(seg, v);
            return;
        }
        List<Object> l = Values.asArray(cur);
        int i = Paths.parseIndex(seg);
        if (i < 0 || i >= l.size()) {
            throw collision(depth);
        }
        l.set(i, v);
    }

    private EvalError collision(int depth) {
        return new EvalError("unable to set target path " + Paths.join(List.of(path)) + ": failed to resolve path segment '"
                + path[depth] + "'");
    }

    private void delete(Object cur, int depth) {
        for (int i = 0; i < path.length - 1; i++) {
            if (cur instanceof Map) {
                cur = ((Map<?, ?>) cur).get(path[i]);
            } else if (cur instanceof List) {
                int idx = Paths.parseIndex(path[i]);
                List<Object> l = Values.asArray(cur);
                cur = idx >= 0 && idx < l.size() ? l.get(idx) : null;
            } else {
                return;
            }
        }
        String last = path[path.length - 1];
        if (cur instanceof Map) {
            ((Map<?, ?>) cur).remove(last);
        } else if (cur instanceof List) {
            int idx = Paths.parseIndex(last);
            List<Object> l = Values.asArray(cur);
            if (idx >= 0 && idx < l.size()) {
                l.remove(idx);
            }
        }
    }
}
