package io.sluice.bloblang.exec;

import io.sluice.bloblang.Message;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** State shared by one execution of a mapping: variables, the batch, and the message being built. */
public final class Run {
    final Map<String, Object> vars = new HashMap<>();
    final Map<String, Executor> maps;
    final List<Message> batch;
    final int index;
    /** Metadata target of the new message, or null where metadata is not available. */
    final Message newMeta;
    /** Set when a structure was assigned without a copy: the result may share parts with its sources. */
    boolean sharesStructure;

    public Run(Map<String, Executor> maps, List<Message> batch, int index, Message newMeta) {
        this.maps = maps;
        this.batch = batch;
        this.index = index;
        this.newMeta = newMeta;
    }

    public Map<String, Object> vars() {
        return vars;
    }

    public Map<String, Executor> maps() {
        return maps;
    }

    public List<Message> batch() {
        return batch;
    }

    public int index() {
        return index;
    }

    public Message newMeta() {
        return newMeta;
    }

    /** The message being mapped, or null without a batch. */
    public Message current() {
        return batch != null && index >= 0 && index < batch.size() ? batch.get(index) : null;
    }

    /**
     * The message the message functions read, as Bento's batch lookup finds it: a negative index
     * counts from the end, and outside the batch is an empty message rather than an error.
     */
    public Message referenced() {
        int size = batch == null ? 0 : batch.size();
        int i = index < 0 ? size + index : index;
        return i >= 0 && i < size ? batch.get(i) : EMPTY;
    }

    private static final Message EMPTY = Message.of(new byte[0]);
}
