package io.sluice.translator.components;

import io.sluice.translator.MessageFlags;
import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.ProcessorTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldSpec;
import io.sluice.translator.spec.FieldType;
import org.apache.camel.model.ProcessorDefinition;

/**
 * Bento's {@code catch} processor: its processors run only on a message an earlier processor flagged with an
 * error, and the flag is cleared afterwards, so the message carries on as handled.
 */
public final class CatchProcessor implements ProcessorTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.scalar("catch", ComponentKind.PROCESSOR,
            "Runs processors on messages flagged with an error, then clears the flag.",
            FieldSpec.required("processors", FieldType.LIST, "processors for errored messages"));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        stream.nesting().processors(config.value("processors"), config.jsonPath());
    }

    @Override
    public ProcessorDefinition<?> appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        return route.filter(MessageFlags::hasError)
                .to(stream.nesting().processors(config.value("processors"), config.jsonPath()))
                .process(MessageFlags::clearError)
                .end();
    }
}
