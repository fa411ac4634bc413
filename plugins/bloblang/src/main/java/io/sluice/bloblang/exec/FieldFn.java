package io.sluice.bloblang.exec;

import io.sluice.bloblang.value.EvalError;
import java.util.ArrayList;
import java.util.List;

/** A reference to {@code this}, {@code root} or a named capture, optionally followed by a path. */
public final class FieldFn extends Fn {
    /** Where the reference starts. */
    public enum Origin { THIS, ROOT, NAMED }

    private final Origin origin;
    private final String name;
    private final String[] path;

    public FieldFn(Origin origin, String name, List<String> path) {
        this.origin = origin;
        this.name = name;
        this.path = path.toArray(new String[0]);
    }

    public FieldFn expand(List<String> more) {
        List<String> p = new ArrayList<>(List.of(path));
        p.addAll(more);
        return new FieldFn(origin, name, p);
    }

    public Origin origin() {
        return origin;
    }

    public String[] path() {
        return path;
    }

    @Override
    public Object exec(Ctx ctx) {
        Object target;
        switch (origin) {
            case ROOT: {
                Object[] root = ctx.root();
                if (root == null) {
                    throw new EvalError("unable to reference `root` from this context");
                }
                target = root[0];
                break;
            }
            case NAMED:
                target = ctx.named(name);
                if (target == Ctx.UNDEF) {
                    throw new EvalError("named context " + name + " was not found");
                }
                break;
            default:
                target = ctx.value();
                if (target == Ctx.UNDEF) {
                    throw NoContextError.of(ctx, path.length > 0 ? Paths.join(List.of(path)) : "");
                }
        }
        return path.length == 0 ? target : Paths.get(target, path);
    }

    @Override
    public String annotation() {
        String p = origin == Origin.ROOT ? "root" : origin == Origin.NAMED ? name : "this";
        if (path.length > 0) {
            p = p + "." + Paths.join(List.of(path));
        }
        return "field `" + p + "`";
    }

    @Override
    public boolean readsContext() {
        return origin == Origin.THIS;
    }
}
