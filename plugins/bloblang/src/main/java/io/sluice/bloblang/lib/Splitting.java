package io.sluice.bloblang.lib;

import io.sluice.bloblang.exec.Ctx;
import io.sluice.bloblang.exec.Fn;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.TypeError;
import io.sluice.bloblang.value.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code split_by}: splits a string (per character), bytes (per byte, seen as an integer) or an
 * array (per element) wherever the predicate is true; the separators are dropped. A predicate
 * result other than {@code true} does not split.
 */
final class Splitting {
    private Splitting() {
    }

    static List<Object> splitBy(Object v, Fn predicate, Ctx ctx) {
        if (v instanceof String) {
            return splitString((String) v, predicate, ctx);
        }
        if (v instanceof byte[]) {
            return splitBytes((byte[]) v, predicate, ctx);
        }
        if (v instanceof List) {
            return splitArray(Values.asArray(v), predicate, ctx);
        }
        throw new TypeError(v, "string", "array", "bytes");
    }

    private static boolean splitsAt(Fn predicate, Ctx ctx, Object element, String where) {
        Object r;
        try {
            r = predicate.exec(ctx.withValue(element));
        } catch (EvalError e) {
            throw new EvalError("predicate returned an error for " + where + ": " + e.getMessage());
        }
        return Boolean.TRUE.equals(r);
    }

    private static List<Object> splitString(String s, Fn predicate, Ctx ctx) {
        List<Object> out = new ArrayList<>();
        int[] cps = s.codePoints().toArray();
        int start = 0;
        for (int i = 0; i < cps.length; i++) {
            if (splitsAt(predicate, ctx, new String(Character.toChars(cps[i])), "character at position " + i)) {
                out.add(new String(cps, start, i - start));
                start = i + 1;
            }
        }
        out.add(new String(cps, start, cps.length - start));
        return out;
    }

    private static List<Object> splitBytes(byte[] b, Fn predicate, Ctx ctx) {
        List<Object> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (splitsAt(predicate, ctx, (long) (b[i] & 0xff), "byte at position " + i)) {
                out.add(Arrays.copyOfRange(b, start, i));
                start = i + 1;
            }
        }
        out.add(Arrays.copyOfRange(b, start, b.length));
        return out;
    }

    private static List<Object> splitArray(List<Object> l, Fn predicate, Ctx ctx) {
        List<Object> out = new ArrayList<>();
        // Go starts with a nil segment, which is written as null if a separator comes first
        List<Object> current = null;
        for (int i = 0; i < l.size(); i++) {
            Object e = l.get(i);
            if (splitsAt(predicate, ctx, e, "index " + i)) {
                out.add(current);
                current = new ArrayList<>();
            } else {
                if (current == null) {
                    current = new ArrayList<>();
                }
                current.add(e);
            }
        }
        out.add(current == null ? new ArrayList<>() : current);
        return out;
    }
}
