package io.sluice.translator.components;

import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.ProcessorTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldSpec;
import io.sluice.translator.spec.FieldType;
import org.apache.camel.Processor;
import org.apache.camel.model.ProcessorDefinition;

/**
 * Bento's {@code mapping} processor (and its older name {@code bloblang}): builds a new message from the input
 * with Bloblang; {@code mutation} edits the input in place instead. The mapping is parsed once, at deploy.
 */
public class MappingProcessor implements ProcessorTranslator {

    private final ComponentSpec spec;
    private final boolean mutation;

    public MappingProcessor() {
        this("mapping", false);
    }

    protected MappingProcessor(String type, boolean mutation) {
        this.mutation = mutation;
        this.spec = ComponentSpec.scalar(type, ComponentKind.PROCESSOR, mutation
                        ? "Edits the message in place with a Bloblang mapping."
                        : "Builds a new message with a Bloblang mapping.",
                FieldSpec.required("mapping", FieldType.STRING, "the Bloblang mapping"));
    }

    @Override
    public ComponentSpec spec() {
        return spec;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        compile(config, stream);
    }

    @Override
    public ProcessorDefinition<?> appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        return route.process(compile(config, stream));
    }

    private Processor compile(ComponentConfig config, StreamContext stream) {
        String text = config.string("mapping");
        return Mappings.compile(text, config.jsonPath(), stream, engine -> engine.mapping(text, mutation));
    }

    /** {@code bloblang}: the name Bento used for {@code mapping} before 4.0; Tyk 5.9 documents it. */
    public static final class Bloblang extends MappingProcessor {
        public Bloblang() {
            super("bloblang", false);
        }
    }

    /** {@code mutation}: like {@code mapping}, but starting from the input message instead of an empty one. */
    public static final class Mutation extends MappingProcessor {
        public Mutation() {
            super("mutation", true);
        }
    }
}
