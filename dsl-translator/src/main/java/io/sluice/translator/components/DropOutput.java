package io.sluice.translator.components;

import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.OutputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import org.apache.camel.model.ProcessorDefinition;

/** Bento's {@code drop} output: every message is acknowledged and discarded. */
public final class DropOutput implements OutputTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("drop", ComponentKind.OUTPUT,
            "Drops every message (acknowledged, not written anywhere).");

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        // Nothing is written: the exchange completes, so the input acknowledges the message. (Camel needs a step.)
        route.process(exchange -> exchange.getMessage().setBody(null)).id(stream.routeId("output"));
    }
}
