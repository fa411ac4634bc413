package io.sluice.bloblang.lib;

import io.sluice.bloblang.exec.Ctx;
import io.sluice.bloblang.exec.Fn;
import io.sluice.bloblang.exec.Literal;
import io.sluice.bloblang.value.EvalError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Arguments bound to a signature at parse time. Literal arguments are coerced once; dynamic ones
 * (queries) are evaluated and coerced on every call. Query-typed parameters stay as {@link Fn}.
 */
public final class Args {
    private final Signature sig;
    private final Object[] values;
    private final boolean[] dynamic;
    private final boolean anyDynamic;

    private Args(Signature sig, Object[] values, boolean[] dynamic) {
        this.sig = sig;
        this.values = values;
        this.dynamic = dynamic;
        boolean any = false;
        for (boolean d : dynamic) {
            any |= d;
        }
        this.anyDynamic = any;
    }

    public int size() {
        return values.length;
    }

    /** Binds positional or named arguments; failures are parse errors in Bento. */
    public static Args bind(Signature sig, List<Fn> positional, Map<String, Fn> named) {
        if (!positional.isEmpty() && !named.isEmpty()) {
            throw new EvalError("cannot mix named and nameless arguments");
        }
        if (sig.variadic) {
            Object[] vals = new Object[positional.size()];
            boolean[] dyn = new boolean[vals.length];
            for (int i = 0; i < vals.length; i++) {
                Fn f = positional.get(i);
                if (f.isLiteral()) {
                    vals[i] = ((Literal) f).value();
                } else {
                    vals[i] = f;
                    dyn[i] = true;
                }
            }
            return new Args(sig, vals, dyn);
        }
        List<Param> params = sig.params;
        Fn[] given = new Fn[params.size()];
        if (!named.isEmpty()) {
            List<String> unknown = new ArrayList<>();
            for (Map.Entry<String, Fn> e : named.entrySet()) {
                int idx = sig.indexOf(e.getKey());
                if (idx < 0) {
                    unknown.add(e.getKey());
                } else {
                    given[idx] = e.getValue();
                }
            }
            if (!unknown.isEmpty()) {
                List<String> names = new ArrayList<>();
                for (Param p : params) {
                    names.add(p.name);
                }
                String opts = names.isEmpty() ? "" : ", expected " + String.join(", ", names);
                throw new EvalError((unknown.size() == 1 ? "unknown parameter " : "unknown parameters ")
                        + String.join(", ", unknown) + opts);
            }
        } else {
            if (positional.size() > params.size()) {
                throw new EvalError("wrong number of arguments, expected " + params.size() + ", got " + positional.size());
            }
            for (int i = 0; i < positional.size(); i++) {
                given[i] = positional.get(i);
            }
        }
        Object[] vals = new Object[params.size()];
        boolean[] dyn = new boolean[params.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            Object v;
            if (given[i] != null) {
                Fn f = given[i];
                if (p.type == Param.Type.QUERY) {
                    vals[i] = f;
                    continue;
                }
                if (!f.isLiteral()) {
                    vals[i] = f;
                    dyn[i] = true;
                    continue;
                }
                v = ((Literal) f).value();
            } else if (p.hasDefault) {
                v = p.defaultValue;
                if (p.type == Param.Type.QUERY) {
                    vals[i] = new Literal(v);
                    continue;
                }
            } else if (p.optional) {
                vals[i] = Param.ABSENT;
                continue;
            } else {
                missing.add(p.name);
                continue;
            }
            try {
                vals[i] = p.coerce(v);
            } catch (EvalError e) {
                throw new EvalError("field " + p.name + ": " + e.getMessage());
            }
        }
        if (missing.size() == 1) {
            throw new EvalError("missing parameter: " + missing.get(0));
        } else if (missing.size() > 1) {
            throw new EvalError("missing parameters: " + String.join(", ", missing));
        }
        return new Args(sig, vals, dyn);
    }

    /** True when every argument is known at parse time. */
    public boolean allStatic() {
        return !anyDynamic;
    }

    /** The argument values known at parse time (dynamic ones are {@link Fn}). */
    public Object[] staticValues() {
        return values;
    }

    public boolean readsContext() {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Fn && ((Fn) values[i]).readsContext()) {
                return true;
            }
        }
        return false;
    }

    /** Evaluates dynamic arguments for one call. */
    public Object[] resolve(Ctx ctx) {
        if (!anyDynamic) {
            return values;
        }
        Object[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (!dynamic[i]) {
                continue;
            }
            String pname = sig.variadic ? Integer.toString(i) : sig.params.get(i).name;
            Object v;
            try {
                v = ((Fn) values[i]).exec(ctx);
                out[i] = sig.variadic ? v : sig.params.get(i).coerce(v);
            } catch (EvalError e) {
                throw new EvalError("failed to extract input arg '" + pname + "': " + e.getMessage());
            }
        }
        return out;
    }
}
