package io.sluice.bloblang;

import io.sluice.bloblang.value.TypeError;
import io.sluice.bloblang.value.Values;
import java.util.List;

/** A mapping used as a condition ({@code check}): its result must be a boolean. */
public final class Condition {
    private final Mapping mapping;

    Condition(Mapping mapping) {
        this.mapping = mapping;
    }

    public boolean test(Message message) {
        return test(List.of(message), 0);
    }

    /** Evaluates against message {@code index} of a batch; failures throw. */
    public boolean test(List<Message> batch, int index) {
        Object v = mapping.evaluateRoot(batch, index);
        if (v == io.sluice.bloblang.value.Special.DELETED) {
            throw new BloblangExecutionException(
                    "query mapping resulted in deleted message, expected a boolean value", null);
        }
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        throw new BloblangExecutionException(new TypeError("mapping", v, "bool").getMessage(), null);
    }

    public Mapping mapping() {
        return mapping;
    }

    static String describe(Object v) {
        return Values.typeName(v);
    }
}
