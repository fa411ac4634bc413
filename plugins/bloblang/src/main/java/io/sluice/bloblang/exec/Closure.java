package io.sluice.bloblang.exec;

/** A function node built from a lambda, for the many nodes that only need exec + annotation. */
public final class Closure extends Fn {
    /** The evaluation body. */
    @FunctionalInterface
    public interface Body {
        Object exec(Ctx ctx);
    }

    private final String annotation;
    private final Body body;
    private final boolean readsContext;

    public Closure(String annotation, Body body) {
        this(annotation, true, body);
    }

    public Closure(String annotation, boolean readsContext, Body body) {
        this.annotation = annotation;
        this.body = body;
        this.readsContext = readsContext;
    }

    @Override
    public Object exec(Ctx ctx) {
        return body.exec(ctx);
    }

    @Override
    public String annotation() {
        return annotation;
    }

    @Override
    public boolean readsContext() {
        return readsContext;
    }
}
