package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.optional;
import static io.sluice.translator.spec.FieldSpec.required;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.OutputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldType;
import java.util.Map;
import org.apache.camel.Predicate;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.support.builder.PredicateBuilder;

/**
 * Bento's {@code switch} output: a message goes to the output of the first case whose {@code check} matches, and
 * on to later matching cases while the matched case says {@code continue}. A message no case takes is dropped as
 * handled, or refused with {@code strict_mode}. Each case's output is a route of its own that gets a copy of the
 * message; the message is acknowledged only when every output it was sent to accepted it.
 */
public final class SwitchOutput implements OutputTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("switch", ComponentKind.OUTPUT,
            "Routes each message to the outputs of the cases it matches.",
            required("cases", FieldType.LIST, "cases of {check, output, continue}"),
            optional("strict_mode", FieldType.BOOL, false, "refuse messages no case matches"),
            optional("retry_until_success", FieldType.BOOL, false, "retry a failed case output in place")
                    .notYetActedOn("a failed output fails the message, which its input redelivers"),
            optional("max_in_flight", FieldType.INT, 64, "messages in flight")
                    .notYetActedOn("each stream route sends one message at a time per input consumer"));

    private static final Map<String, FieldType> CASE_FIELDS = Map.of(
            "check", FieldType.STRING, "output", FieldType.OBJECT, "continue", FieldType.BOOL);

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        JsonNode cases = config.value("cases");
        if (cases.isEmpty()) {
            stream.problem(config.jsonPath("cases"), "a switch output needs at least one case");
        }
        for (int i = 0; i < cases.size(); i++) {
            String path = config.jsonPath("cases") + "/" + i;
            if (NestedCases.checkFields(cases.get(i), path, "a switch output case", CASE_FIELDS, stream)) {
                if (!cases.get(i).has("output")) {
                    stream.problem(path, "the switch output case has no 'output'");
                    continue;
                }
                NestedCases.check(cases.get(i), path, stream);
                stream.nesting().output(cases.get(i).get("output"), path + "/output");
            }
        }
    }

    @Override
    public void appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        JsonNode cases = config.value("cases");
        String done = "sluice.switch." + stream.routeId("output") + ".done";
        String matched = "sluice.switch." + stream.routeId("output") + ".matched";
        route.removeProperties("sluice.switch." + stream.routeId("output") + ".*");
        for (int i = 0; i < cases.size(); i++) {
            String path = config.jsonPath("cases") + "/" + i;
            Predicate check = PredicateBuilder.and(exchange -> exchange.getProperty(done) == null,
                    NestedCases.check(cases.get(i), path, stream));
            var when = route.filter(check);
            NestedOutputs.sendCopy(when, stream.nesting().output(cases.get(i).get("output"), path + "/output"));
            when.setProperty(matched, org.apache.camel.builder.Builder.constant(true));
            if (!cases.get(i).path("continue").asBoolean(false)) {
                when.setProperty(done, org.apache.camel.builder.Builder.constant(true));
            }
            when.end();
        }
        if (config.bool("strict_mode")) {
            route.filter(exchange -> exchange.getProperty(matched) == null)
                    .throwException(new IllegalStateException("no case of the switch output matched the message"))
                    .end();
        }
    }
}
