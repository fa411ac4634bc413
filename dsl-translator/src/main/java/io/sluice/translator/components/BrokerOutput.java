package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.optional;
import static io.sluice.translator.spec.FieldSpec.required;

import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.OutputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldType;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.model.MulticastDefinition;
import org.apache.camel.model.ProcessorDefinition;

/**
 * Bento's {@code broker} output: one message to several outputs. {@code fan_out} sends a copy to every output in
 * parallel and {@code fan_out_sequential} one after the other; the message is acknowledged only when all of them
 * accepted it, otherwise it fails and its input redelivers it (to all outputs again: at-least-once). The
 * {@code _fail_fast} variants stop at the first failure. {@code round_robin} gives each message to the next
 * output in turn, {@code greedy} to whichever is free (here: in turn too). Each output is a route of its own.
 */
public final class BrokerOutput implements OutputTranslator {

    private static final Set<String> PATTERNS = Set.of("fan_out", "fan_out_fail_fast", "fan_out_sequential",
            "fan_out_sequential_fail_fast", "round_robin", "greedy");

    private static final ComponentSpec SPEC = ComponentSpec.of("broker", ComponentKind.OUTPUT,
            "Sends messages to several outputs, by a pattern.",
            required("outputs", FieldType.LIST, "the outputs"),
            optional("pattern", FieldType.STRING, "fan_out", "one of " + PATTERNS),
            optional("copies", FieldType.INT, 1, "copies of each output")
                    .notYetActedOn("each output runs once"),
            optional("batching", FieldType.OBJECT, null, "batching policy")
                    .notYetActedOn("messages are sent one at a time"));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        if (!PATTERNS.contains(config.string("pattern"))) {
            stream.problem(config.jsonPath("pattern"), "unknown broker pattern '" + config.string("pattern")
                    + "'; one of " + PATTERNS);
        }
        if (config.value("outputs").isEmpty()) {
            stream.problem(config.jsonPath("outputs"), "a broker output needs at least one output");
        }
        outputs(config, stream);
    }

    @Override
    public void appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        List<String> outputs = outputs(config, stream);
        String pattern = config.string("pattern");
        if (pattern.equals("round_robin") || pattern.equals("greedy")) {
            route.loadBalance().roundRobin().to(outputs.toArray(String[]::new)).end().id(stream.routeId("output"));
            return;
        }
        // Every output gets its own copy; the message fails if any output failed.
        MulticastDefinition multicast = route.multicast((done, copy) -> {
            Exchange kept = done == null ? copy : done;
            if (copy != null && copy.getException() != null && kept.getException() == null) {
                kept.setException(copy.getException());
            }
            return kept;
        });
        if (pattern.startsWith("fan_out_sequential")) {
            multicast.parallelProcessing(false);
        } else {
            multicast.parallelProcessing(true);
        }
        if (pattern.endsWith("fail_fast")) {
            multicast.stopOnException();
        }
        multicast.to(outputs.toArray(String[]::new)).end().id(stream.routeId("output"));
    }

    private static List<String> outputs(ComponentConfig config, StreamContext stream) {
        return NestedOutputs.register(config.value("outputs"), config.jsonPath("outputs"), stream);
    }
}
