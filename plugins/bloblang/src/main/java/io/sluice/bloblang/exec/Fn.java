package io.sluice.bloblang.exec;

/** A node of a parsed query: evaluates to a value in a context and can name itself in errors. */
public abstract class Fn {
    public abstract Object exec(Ctx ctx);

    /** How Bento names this expression in error messages, e.g. {@code field `this.foo`}. */
    public abstract String annotation();

    /** Literals are folded at parse time, as Bento does. */
    public boolean isLiteral() {
        return false;
    }

    /** True when evaluating this may read {@code this}, so the message must be parsed as JSON. */
    public boolean readsContext() {
        return true;
    }
}
