package io.sluice.bloblang.lib;

import io.sluice.bloblang.exec.Ctx;
import io.sluice.bloblang.exec.Fn;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.Special;
import io.sluice.bloblang.value.Values;

/**
 * {@code counter(min, max, set)}: a count kept by one parsed mapping. It starts at {@code min},
 * wraps back to it after reaching {@code max}; {@code set} can overwrite the count (a number),
 * reset it ({@code deleted()}), or read it without counting ({@code null}).
 */
final class Counter {
    private final Fn minFn;
    private final Fn maxFn;
    private final Fn setFn;
    private boolean started;
    private long minimum;
    private long maximum;
    private long count;

    Counter(Fn minFn, Fn maxFn, Fn setFn) {
        this.minFn = minFn;
        this.maxFn = maxFn;
        this.setFn = setFn;
    }

    synchronized Object next(Ctx ctx) {
        if (!started) {
            start(ctx);
        }
        if (setFn != null) {
            Object set;
            try {
                set = setFn.exec(ctx);
            } catch (EvalError e) {
                throw new EvalError("failed to resolve set argument: " + e.getMessage());
            }
            if (set == null) {
                return count;
            }
            if (set == Special.DELETED) {
                count = minimum - 1;
            } else if (set != Special.NOTHING) {
                try {
                    count = Values.getInt(set);
                } catch (EvalError e) {
                    throw new EvalError("failed to resolve set argument: " + e.getMessage());
                }
                return count;
            }
        }
        long v = ++count;
        if (v >= maximum) {
            count = minimum - 1;
        }
        return v;
    }

    /** The bounds are read once, on first use. */
    private void start(Ctx ctx) {
        minimum = bound(minFn, ctx, "min");
        if (minimum < 0) {
            throw new EvalError("min argument must be >0, got " + minimum);
        }
        maximum = bound(maxFn, ctx, "max");
        if (maximum < 0 || maximum <= minimum) {
            throw new EvalError("max argument must be >0 and >min, got " + maximum);
        }
        count = minimum - 1;
        started = true;
    }

    private static long bound(Fn fn, Ctx ctx, String name) {
        try {
            return Values.getInt(fn.exec(ctx));
        } catch (EvalError e) {
            throw new EvalError("failed to resolve " + name + " argument: " + e.getMessage());
        }
    }
}
