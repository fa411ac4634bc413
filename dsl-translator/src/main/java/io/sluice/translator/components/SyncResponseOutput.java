package io.sluice.translator.components;

import io.sluice.translator.SluiceEndpoints;
import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.OutputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import org.apache.camel.model.ProcessorDefinition;

/**
 * Bento's {@code sync_response} output: the processed message becomes the reply to the HTTP request it came in
 * with ({@code http_server} input); with any other input it is acknowledged and goes nowhere.
 */
public final class SyncResponseOutput implements OutputTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("sync_response", ComponentKind.OUTPUT,
            "Replies to the HTTP request with the processed message.");

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        route.process(exchange -> exchange.setProperty(SluiceEndpoints.SYNC_RESPONSE, exchange.getMessage().getBody()))
                .id(stream.routeId("output"));
    }
}
