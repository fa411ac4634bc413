package io.sluice.translator.components;

import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.ProcessorTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import org.apache.camel.model.ProcessorDefinition;

/** Bento's {@code noop} processor: the message passes unchanged. */
public final class NoopProcessor implements ProcessorTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("noop", ComponentKind.PROCESSOR, "Does nothing.");

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public ProcessorDefinition<?> appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        return route;
    }
}
