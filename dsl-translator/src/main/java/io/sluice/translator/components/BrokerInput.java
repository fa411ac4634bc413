package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.optional;
import static io.sluice.translator.spec.FieldSpec.required;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.InputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldType;

/**
 * Bento's {@code broker} input: several inputs feeding one stream (fan-in). Each child input is a route of its own
 * that runs its own processors and hands every message, synchronously, to the stream's route, so each child
 * acknowledges a message only once the stream's output accepted it, as if it were the stream's only input.
 */
public final class BrokerInput implements InputTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("broker", ComponentKind.INPUT,
            "Merges several inputs into one stream.",
            required("inputs", FieldType.LIST, "the inputs"),
            optional("copies", FieldType.INT, 1, "copies of each input").notYetActedOn("each input runs once"),
            optional("batching", FieldType.OBJECT, null, "batching policy")
                    .notYetActedOn("messages are processed one at a time"));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        JsonNode inputs = config.value("inputs");
        if (inputs.isEmpty()) {
            stream.problem(config.jsonPath("inputs"), "a broker input needs at least one input");
        }
        for (int i = 0; i < inputs.size(); i++) {
            stream.nesting().input(inputs.get(i), config.jsonPath("inputs") + "/" + i, endpointUri(config, stream));
        }
    }

    @Override
    public String endpointUri(ComponentConfig config, StreamContext stream) {
        return "direct:" + stream.routeId("input.broker");
    }
}
