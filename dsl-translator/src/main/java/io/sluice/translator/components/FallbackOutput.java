package io.sluice.translator.components;

import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.OutputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldSpec;
import io.sluice.translator.spec.FieldType;
import java.util.List;
import org.apache.camel.model.ProcessorDefinition;

/**
 * Bento's {@code fallback} output: tries its outputs in order until one accepts the message; the message fails
 * only when all of them failed. Camel's failover load balancer, one attempt per output.
 */
public final class FallbackOutput implements OutputTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.scalar("fallback", ComponentKind.OUTPUT,
            "Tries outputs in order until one accepts the message.",
            FieldSpec.required("outputs", FieldType.LIST, "the outputs, in order of preference"));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        if (config.value("outputs").isEmpty()) {
            stream.problem(config.jsonPath(), "a fallback output needs at least one output");
        }
        outputs(config, stream);
    }

    @Override
    public void appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        List<String> outputs = outputs(config, stream);
        // no error handler of its own to inherit: each output is tried once, in order
        route.loadBalance().failover(outputs.size() - 1, false, false).to(outputs.toArray(String[]::new)).end()
                .id(stream.routeId("output"));
    }

    private static List<String> outputs(ComponentConfig config, StreamContext stream) {
        return NestedOutputs.register(config.value("outputs"), config.jsonPath(), stream);
    }
}
