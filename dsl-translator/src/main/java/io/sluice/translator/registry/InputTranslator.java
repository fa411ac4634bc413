package io.sluice.translator.registry;

import io.sluice.translator.StreamContext;
import io.sluice.translator.spec.ComponentConfig;
import org.apache.camel.model.RouteDefinition;

/** An input: the Camel endpoint the stream's route consumes from. */
public interface InputTranslator extends ComponentTranslator {

    String endpointUri(ComponentConfig config, StreamContext stream);

    /** Steps right after the consumer, e.g. turning the component's headers into Bento's metadata. */
    default void afterConsume(RouteDefinition route, ComponentConfig config, StreamContext stream) {
    }
}
