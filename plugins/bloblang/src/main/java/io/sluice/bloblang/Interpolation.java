package io.sluice.bloblang;

import io.sluice.bloblang.exec.Ctx;
import io.sluice.bloblang.exec.Fn;
import io.sluice.bloblang.exec.Run;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.Values;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A string field with {@code ${! ... }} sections. A field without any is a constant: rendering it
 * returns the same string with no per-message work.
 */
public final class Interpolation {
    private final String constant;
    private final Object[] parts;

    Interpolation(String source, List<Object> parts) {
        boolean dynamic = parts.stream().anyMatch(p -> p instanceof Fn);
        this.parts = parts.toArray();
        if (!dynamic) {
            StringBuilder b = new StringBuilder();
            for (Object p : parts) {
                b.append((String) p);
            }
            this.constant = b.toString();
        } else {
            this.constant = null;
        }
    }

    public boolean isStatic() {
        return constant != null;
    }

    public String render(Message message) {
        return constant != null ? constant : render(List.of(message), 0);
    }

    /**
     * Renders against message {@code index} of a batch. A failing section renders as
     * {@code null}, as Bento does for non-legacy fields; use {@link #renderStrict} to fail instead.
     */
    public String render(List<Message> batch, int index) {
        if (constant != null) {
            return constant;
        }
        return build(batch, index, false);
    }

    /** Like {@link #render(List, int)} but a failing section throws. */
    public String renderStrict(List<Message> batch, int index) {
        if (constant != null) {
            return constant;
        }
        return build(batch, index, true);
    }

    public byte[] renderBytes(Message message) {
        return render(message).getBytes(StandardCharsets.UTF_8);
    }

    private String build(List<Message> batch, int index, boolean strict) {
        StringBuilder b = new StringBuilder();
        Message current = batch != null && index < batch.size() ? batch.get(index) : null;
        Run run = new Run(java.util.Map.of(), batch, index, current);
        Ctx ctx = Ctx.forMessage(run, null);
        for (Object p : parts) {
            if (p instanceof String) {
                b.append((String) p);
                continue;
            }
            try {
                Object v = ((Fn) p).exec(ctx);
                b.append(Values.toStr(v instanceof io.sluice.bloblang.value.Special ? null : v));
            } catch (EvalError e) {
                if (strict) {
                    throw new BloblangExecutionException(e.getMessage(), e);
                }
                b.append("null");
            }
        }
        return b.toString();
    }
}
