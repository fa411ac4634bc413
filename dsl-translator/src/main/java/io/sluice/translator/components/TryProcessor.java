package io.sluice.translator.components;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Bento's {@code try} processor: runs its processors in order, but once one flags the message with an error the
 * rest are skipped for it (the flag stays, for a later {@code catch}). Each processor is a one-step route of its
 * own behind a "not flagged" filter.
 */
public final class TryProcessor implements ProcessorTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.scalar("try", ComponentKind.PROCESSOR,
            "Runs processors in order, skipping the rest once one fails.",
            FieldSpec.required("processors", FieldType.LIST, "processors to try in order"));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        each(config, stream, null);
    }

    @Override
    public ProcessorDefinition<?> appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        each(config, stream, route);
        return route;
    }

    /** Registers each processor as a route; when {@code route} is given, appends a guarded call to each. */
    private static void each(ComponentConfig config, StreamContext stream, ProcessorDefinition<?> route) {
        JsonNode list = config.value("processors");
        for (int i = 0; i < list.size(); i++) {
            String uri = stream.nesting().processor(list.get(i), config.jsonPath() + "/" + i);
            if (route != null) {
                route.filter(exchange -> !MessageFlags.hasError(exchange)).to(uri).end();
            }
        }
    }
}
