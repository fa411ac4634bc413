package io.sluice.bloblang.lib;

import java.util.List;

/** The parameters of a function or method. */
public final class Signature {
    final List<Param> params;
    final boolean variadic;

    private Signature(List<Param> params, boolean variadic) {
        this.params = params;
        this.variadic = variadic;
    }

    public static Signature of(Param... params) {
        return new Signature(List.of(params), false);
    }

    public static Signature variadic() {
        return new Signature(List.of(), true);
    }

    int indexOf(String name) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name.equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
