package io.sluice.translator.components;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.ProcessorTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldSpec;
import io.sluice.translator.spec.FieldType;
import java.util.Map;
import org.apache.camel.Predicate;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.ProcessorDefinition;

/**
 * Bento's {@code switch} processor: the first case whose {@code check} matches runs its processors (a case with
 * {@code fallthrough} also runs the next case's, unchecked); a message no case matches passes on unchanged. Each
 * case's processors are a route of their own, and the switch a Camel {@code choice}.
 */
public final class SwitchProcessor implements ProcessorTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.scalar("switch", ComponentKind.PROCESSOR,
            "Runs the processors of the first case whose check matches the message.",
            FieldSpec.required("cases", FieldType.LIST, "cases of {check, processors, fallthrough}"));

    private static final Map<String, FieldType> CASE_FIELDS = Map.of(
            "check", FieldType.STRING, "processors", FieldType.LIST, "fallthrough", FieldType.BOOL);

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        JsonNode cases = config.value("cases");
        for (int i = 0; i < cases.size(); i++) {
            String path = config.jsonPath() + "/" + i;
            if (NestedCases.checkFields(cases.get(i), path, "a switch case", CASE_FIELDS, stream)) {
                NestedCases.check(cases.get(i), path, stream);
                stream.nesting().processors(cases.get(i).path("processors"), path + "/processors");
            }
        }
    }

    @Override
    public ProcessorDefinition<?> appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        JsonNode cases = config.value("cases");
        if (cases.isEmpty()) {
            return route;
        }
        ChoiceDefinition choice = route.choice();
        for (int i = 0; i < cases.size(); i++) {
            String path = config.jsonPath() + "/" + i;
            Predicate check = NestedCases.check(cases.get(i), path, stream);
            choice.when(check).to(stream.nesting().processors(cases.get(i).path("processors"), path + "/processors"));
            for (int next = i; next + 1 < cases.size() && cases.get(next).path("fallthrough").asBoolean(false); next++) {
                String nextPath = config.jsonPath() + "/" + (next + 1) + "/processors";
                choice.to(stream.nesting().processors(cases.get(next + 1).path("processors"), nextPath));
            }
        }
        return choice.end();
    }
}
