package io.sluice.bloblang;

import io.sluice.bloblang.exec.Ctx;
import io.sluice.bloblang.exec.Executor;
import io.sluice.bloblang.exec.Run;
import io.sluice.bloblang.exec.Statement;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.Special;
import java.util.List;

/**
 * A parsed mapping: immutable and thread-safe, parse once and run for every message.
 *
 * <p>{@link #apply} is the {@code mapping}/{@code bloblang} processor (a new message is built),
 * {@link #mutate} the {@code mutation} processor (the message is modified in place), and
 * {@link #process} adds the processor's error handling: a failure keeps the original message and
 * flags it with the error so that {@code catch}/{@code try} can act on it.
 */
public final class Mapping {
    private final String source;
    private final Executor executor;

    Mapping(String source, Executor executor) {
        this.source = source;
        this.executor = executor;
    }

    public String source() {
        return source;
    }

    /** False when the mapping never reads {@code this}, so message content is never parsed. */
    public boolean readsContent() {
        return executor.readsContext();
    }

    /** Maps one message; returns the new message or null when the mapping deleted it. */
    public Message apply(Message message) {
        return apply(List.of(message), 0);
    }

    /** Maps message {@code index} of a batch (other messages are visible to {@code from}). */
    public Message apply(List<Message> batch, int index) {
        try {
            return executor.mapMessage(batch, index, null);
        } catch (EvalError e) {
            throw new BloblangExecutionException(e.getMessage(), e);
        }
    }

    /** The mutation processor: assignments change the given message in place; null if deleted. */
    public Message mutate(Message message) {
        return mutate(List.of(message), 0);
    }

    public Message mutate(List<Message> batch, int index) {
        try {
            return executor.mapMessage(batch, index, batch.get(index));
        } catch (EvalError e) {
            throw new BloblangExecutionException(e.getMessage(), e);
        }
    }

    /**
     * Bento's branch {@code result_map}: {@code root} starts as {@code original} (edited in place, as a mutation),
     * {@code this} is the branch's {@code result}. Returns the edited original, or null when the mapping deleted it.
     */
    public Message mergeResult(Message original, Message result) {
        try {
            return executor.mapMessage(List.of(result), 0, original);
        } catch (EvalError e) {
            throw new BloblangExecutionException(e.getMessage(), e);
        }
    }

    /**
     * Processor semantics: the mapped message, null when deleted, or on failure the original
     * message flagged with the error (see {@link Message#error()}).
     */
    public Message process(List<Message> batch, int index, boolean mutation) {
        Message original = batch.get(index);
        try {
            return mutation ? executor.mapMessage(batch, index, original.shallowCopy())
                    : executor.mapMessage(batch, index, null);
        } catch (EvalError e) {
            return original.withError(e.getMessage());
        }
    }

    /**
     * Executes against a value rather than a message (Bento's {@code Query}): {@code this} is the
     * value, metadata is unavailable. Returns the new root, or {@link Special#NOTHING} if unset.
     * The result may share unchanged parts with {@code value}: copy it before editing it in place.
     */
    public Object query(Object value) {
        Object[] root = {Special.NOTHING};
        Run run = new Run(executor.maps(), null, 0, null);
        Ctx ctx = Ctx.forValue(run, value, root);
        try {
            executor.execInto(ctx, new Statement.Target(run.vars(), null, root));
        } catch (EvalError e) {
            throw new BloblangExecutionException(e.getMessage(), e);
        }
        if (root[0] == Special.DELETED) {
            throw new BloblangExecutionException("root was deleted", null);
        }
        return root[0];
    }

    /** The value the mapping assigns to {@code root} for message {@code index} (conditions). */
    Object evaluateRoot(List<Message> batch, int index) {
        Object[] root = {Special.NOTHING};
        Run run = new Run(executor.maps(), batch, index, batch.get(index).shallowCopy());
        Ctx ctx = Ctx.forMessage(run, root);
        try {
            executor.execInto(ctx, new Statement.Target(run.vars(), run.newMeta(), root));
        } catch (EvalError e) {
            throw new BloblangExecutionException(e.getMessage(), e);
        }
        return root[0];
    }

    Executor executor() {
        return executor;
    }
}
