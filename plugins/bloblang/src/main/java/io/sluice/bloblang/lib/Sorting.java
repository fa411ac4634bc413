package io.sluice.bloblang.lib;

import io.sluice.bloblang.exec.Ctx;
import io.sluice.bloblang.exec.Fn;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.JsonNum;
import io.sluice.bloblang.value.TypeError;
import io.sluice.bloblang.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sort()}: numbers or strings in increasing order, or the order a {@code left}/{@code right}
 * query defines. Short arrays are insertion-sorted as Go's sort.Slice does, so a bad element is
 * reported at the index Bento reports; longer ones are merge-sorted. A user query need not be a
 * consistent ordering, which rules out {@code List.sort}.
 */
final class Sorting {
    /** Go's sort switches from insertion sort above this length. */
    private static final int INSERTION_MAX = 12;

    /** Whether the element at one position sorts before the element at another. */
    private interface Less {
        boolean test(List<Object> values, int i, int j);
    }

    private Sorting() {
    }

    static List<Object> sort(List<Object> input, Fn compare, Ctx ctx) {
        List<Object> values = new ArrayList<>(input);
        Less less = compare == null ? Sorting::naturalLess : (vs, i, j) -> queryLess(compare, ctx, vs.get(i), vs.get(j));
        if (values.size() <= INSERTION_MAX) {
            for (int i = 1; i < values.size(); i++) {
                for (int j = i; j > 0 && less.test(values, j, j - 1); j--) {
                    values.set(j - 1, values.set(j, values.get(j - 1)));
                }
            }
            return values;
        }
        return mergeSort(values, less);
    }

    private static List<Object> mergeSort(List<Object> values, Less less) {
        if (values.size() < 2) {
            return values;
        }
        int mid = values.size() / 2;
        List<Object> left = mergeSort(new ArrayList<>(values.subList(0, mid)), less);
        List<Object> right = mergeSort(new ArrayList<>(values.subList(mid, values.size())), less);
        List<Object> out = new ArrayList<>(values.size());
        List<Object> pair = new ArrayList<>(2);
        pair.add(null);
        pair.add(null);
        int l = 0;
        int r = 0;
        while (l < left.size() && r < right.size()) {
            pair.set(0, right.get(r));
            pair.set(1, left.get(l));
            out.add(less.test(pair, 0, 1) ? right.get(r++) : left.get(l++));
        }
        out.addAll(left.subList(l, left.size()));
        out.addAll(right.subList(r, right.size()));
        return out;
    }

    private static boolean naturalLess(List<Object> values, int i, int j) {
        Object a = values.get(i);
        if (a instanceof Number) {
            return number(values, i) < number(values, j);
        }
        if (a instanceof String || a instanceof byte[]) {
            return string(values, i).compareTo(string(values, j)) < 0;
        }
        throw new EvalError("sort element " + i + ": " + new TypeError(a, "number", "string").getMessage());
    }

    private static double number(List<Object> values, int i) {
        Object v = values.get(i);
        if (v instanceof JsonNum || v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        throw new EvalError("sort element " + i + ": " + new TypeError(v, "number").getMessage());
    }

    private static String string(List<Object> values, int i) {
        Object v = values.get(i);
        if (v instanceof String || v instanceof byte[]) {
            return Values.getString(v);
        }
        throw new EvalError("sort element " + i + ": " + new TypeError(v, "string").getMessage());
    }

    private static boolean queryLess(Fn compare, Ctx ctx, Object left, Object right) {
        Map<String, Object> lr = new LinkedHashMap<>();
        lr.put("left", left);
        lr.put("right", right);
        Object r = compare.exec(ctx.withValue(lr));
        if (!(r instanceof Boolean)) {
            throw new TypeError("sort argument", r, "bool");
        }
        return (Boolean) r;
    }
}
