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
}
