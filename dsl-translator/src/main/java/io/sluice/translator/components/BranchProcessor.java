package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.optional;
import static io.sluice.translator.spec.FieldSpec.required;

import io.sluice.translator.MessageFlags;
import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.ProcessorTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldType;
import io.sluice.translator.spi.MappingEngine;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Processor;
import org.apache.camel.model.ProcessorDefinition;

/**
 * Bento's {@code branch} processor: {@code request_map} builds a copy of the message, the branch's processors
 * (typically an {@code http} enrichment call) run on that copy, and {@code result_map} writes what they produced
 * back into the original. The branch is a route of its own, called with Camel's content enricher, which sends a
 * copy; the original goes on whatever happens in the branch: a request map that deletes the copy skips the branch,
 * and a failure in it flags the original with the error (as Bento) instead of failing the message.
 */
public final class BranchProcessor implements ProcessorTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("branch", ComponentKind.PROCESSOR,
            "Runs processors on a copy of the message and maps their result back into it.",
            optional("request_map", FieldType.STRING, "", "mapping that builds the branch's copy (empty: an exact copy)"),
            required("processors", FieldType.LIST, "processors run on the copy"),
            optional("result_map", FieldType.STRING, "", "mapping from the branch result into the original (empty: none)"));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        resultMap(config, stream);
        branchUri(config, stream);
    }

    @Override
    public ProcessorDefinition<?> appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        MappingEngine.ResultMap resultMap = resultMap(config, stream);
        AggregationStrategy merge = (original, result) -> {
            if (result == null || MessageFlags.deleted(result)) {
                return original; // the request map deleted the copy (or a processor filtered it): nothing to merge
            }
            if (result.getException() != null || MessageFlags.hasError(result)) {
                Object why = result.getException() != null ? result.getException().getMessage()
                        : result.getProperty(MessageFlags.ERROR);
                MessageFlags.flagError(original, "branch failed: " + why);
                return original;
            }
            if (resultMap != null) {
                resultMap.apply(original, result);
            }
            return original;
        };
        return route.enrich(branchUri(config, stream), merge, true, false);
    }

    /** The branch route: the request map (on the enricher's copy), then the branch's processors. */
    private static String branchUri(ComponentConfig config, StreamContext stream) {
        return stream.nesting().processors(config.value("processors"), config.jsonPath("processors"),
                requestMap(config, stream));
    }

    private static Processor requestMap(ComponentConfig config, StreamContext stream) {
        String text = config.string("request_map");
        return text.isBlank() ? null
                : Mappings.compile(text, config.jsonPath("request_map"), stream, engine -> engine.mapping(text, false));
    }

    private static MappingEngine.ResultMap resultMap(ComponentConfig config, StreamContext stream) {
        String text = config.string("result_map");
        return text.isBlank() ? null
                : Mappings.compile(text, config.jsonPath("result_map"), stream, engine -> engine.resultMap(text));
    }
}
