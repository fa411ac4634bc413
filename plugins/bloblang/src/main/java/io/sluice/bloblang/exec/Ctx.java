package io.sluice.bloblang.exec;

import io.sluice.bloblang.Message;
import io.sluice.bloblang.value.EvalError;

/**
 * The immutable evaluation context of a query: the context value ({@code this}), the named
 * captures, the {@code root} being built and the shared {@link Run}.
 */
public final class Ctx {
    static final Object UNDEF = new Object();

    final Run run;
    private final Object value;
    private final Object next;
    private final boolean lazyMessage;
    private final Named named;
    private final Object[] root;
    private final int stack;

    private static final class Named {
        final String name;
        final Object value;
        final Named next;

        Named(String name, Object value, Named next) {
            this.name = name;
            this.value = value;
            this.next = next;
        }
    }

    private Ctx(Run run, Object value, Object next, boolean lazyMessage, Named named, Object[] root, int stack) {
        this.run = run;
        this.value = value;
        this.next = next;
        this.lazyMessage = lazyMessage;
        this.named = named;
        this.root = root;
        this.stack = stack;
    }

    /** A context whose {@code this} is the current message of the run, parsed lazily. */
    public static Ctx forMessage(Run run, Object[] root) {
        return new Ctx(run, UNDEF, UNDEF, true, null, root, 0);
    }

    /** A context with an explicit {@code this} (or none when {@code value} is {@link #UNDEF}). */
    public static Ctx forValue(Run run, Object value, Object[] root) {
        return new Ctx(run, value, UNDEF, false, null, root, 0);
    }

    public static Object undefined() {
        return UNDEF;
    }

    public Run run() {
        return run;
    }

    /** The context value, or {@link #UNDEF}. Parses the message on first use. */
    public Object value() {
        if (value != UNDEF) {
            return value;
        }
        if (lazyMessage) {
            Message m = run.current();
            if (m == null) {
                return UNDEF;
            }
            try {
                return m.structured();
            } catch (EvalError e) {
                return UNDEF;
            }
        }
        return UNDEF;
    }

    /** Why the message could not provide a context value, or null. */
    EvalError messageParseError() {
        if (!lazyMessage || value != UNDEF) {
            return null;
        }
        Message m = run.current();
        if (m == null) {
            return new EvalError("message is empty");
        }
        try {
            m.structured();
            return null;
        } catch (EvalError e) {
            return e;
        }
    }

    public Ctx withValue(Object v) {
        return new Ctx(run, v, value, lazyMessage, named, root, stack);
    }

    /** Returns the popped value holder: index 0 the value (or UNDEF), and the context after popping. */
    Object popValue(Ctx[] after) {
        Object v = value();
        after[0] = new Ctx(run, next, UNDEF, lazyMessage, named, root, stack);
        return v;
    }

    public Ctx withNamed(String name, Object v) {
        return new Ctx(run, value, next, lazyMessage, new Named(name, v, named), root, stack);
    }

    /** Looks a named capture up; returns UNDEF when absent. */
    public Object named(String name) {
        for (Named n = named; n != null; n = n.next) {
            if (n.name.equals(name)) {
                return n.value;
            }
        }
        return UNDEF;
    }

    public Object[] root() {
        return root;
    }

    public Ctx withRoot(Object[] newRoot) {
        return new Ctx(run, value, next, lazyMessage, named, newRoot, stack);
    }

    public Ctx withRun(Run newRun) {
        return new Ctx(newRun, value, next, lazyMessage, named, root, stack);
    }

    public int stack() {
        return stack;
    }

    public Ctx incrStack() {
        return new Ctx(run, value, next, lazyMessage, named, root, stack + 1);
    }
}
