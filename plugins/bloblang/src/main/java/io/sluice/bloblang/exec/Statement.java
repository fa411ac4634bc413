package io.sluice.bloblang.exec;

import io.sluice.bloblang.Message;

/** One statement of a mapping; {@code line} is where it starts, for error messages. */
public abstract class Statement {
    final int line;

    protected Statement(int line) {
        this.line = line;
    }

    public int line() {
        return line;
    }

    /** Where assignments go: the variables, the metadata of the new message and the new root. */
    public static final class Target {
        final java.util.Map<String, Object> vars;
        final Message meta;
        final Object[] root;
        /** Copy every assigned value (the mutation processor edits a structure others may hold). */
        final boolean copyAll;

        public Target(java.util.Map<String, Object> vars, Message meta, Object[] root) {
            this(vars, meta, root, false);
        }

        Target(java.util.Map<String, Object> vars, Message meta, Object[] root, boolean copyAll) {
            this.vars = vars;
            this.meta = meta;
            this.root = root;
            this.copyAll = copyAll;
        }
    }

    public abstract void execute(Ctx ctx, Target target);

    /** Adds the assignments of this statement (and of nested blocks) in source order. */
    void collectAssignments(java.util.List<Assignment> out) {
    }

    /** True when some query in this statement may read {@code this}. */
    public abstract boolean readsContext();
}
