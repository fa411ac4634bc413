package io.sluice.translator.registry;

import io.sluice.translator.StreamContext;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentSpec;

/**
 * One Bento component type: its config spec and how it becomes Camel. Implementations are registered with
 * {@link java.util.ServiceLoader} under the interface of their kind, so a plugin jar can add types.
 */
public interface ComponentTranslator {

    ComponentSpec spec();

    /** Checks that need more than the spec (combinations of fields); report with {@link StreamContext#problem}. */
    default void check(ComponentConfig config, StreamContext stream) {
    }

    /** What the stream exposes, declared at translation time: HTTP endpoints, the request timeout. */
    default void declare(ComponentConfig config, StreamContext stream) {
    }
}
