package io.sluice.translator.components;

import io.sluice.translator.SluiceEndpoints;
import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.ProcessorTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import org.apache.camel.model.ProcessorDefinition;

/**
 * Bento's {@code sync_response} processor: the message as it is at this point becomes the reply to the HTTP request
 * it came in with, while it carries on through the rest of the stream.
 */
public final class SyncResponseProcessor implements ProcessorTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("sync_response", ComponentKind.PROCESSOR,
            "Sets the HTTP reply to the message as it is now.");

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public ProcessorDefinition<?> appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        return route.process(exchange -> exchange.setProperty(SluiceEndpoints.SYNC_RESPONSE, exchange.getMessage().getBody()));
    }
}
