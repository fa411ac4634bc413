package io.sluice.translator.components;

import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.OutputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldSpec;
import io.sluice.translator.spec.FieldType;
import org.apache.camel.Expression;
import org.apache.camel.model.ProcessorDefinition;

/**
 * Bento's {@code reject} output: fails every message with an (interpolated) error, so its input does not
 * acknowledge it: a broker redelivers it, an HTTP producer gets the error. Used in {@code switch} and
 * {@code fallback} outputs to refuse some messages.
 */
public final class RejectOutput implements OutputTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.scalar("reject", ComponentKind.OUTPUT,
            "Rejects every message with an error.",
            FieldSpec.optional("message", FieldType.STRING, "", "the error, with ${! } interpolations"));

    /** The failure a rejected message carries. */
    public static final class Rejected extends RuntimeException {
        public Rejected(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        message(config, stream);
    }

    @Override
    public void appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        Expression message = message(config, stream);
        route.process(exchange -> {
            throw new Rejected(message.evaluate(exchange, String.class));
        }).id(stream.routeId("output"));
    }

    private static Expression message(ComponentConfig config, StreamContext stream) {
        String text = config.string("message");
        return Mappings.compile(text, config.jsonPath(), stream, engine -> engine.interpolation(text));
    }
}
