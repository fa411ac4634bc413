package io.sluice.translator.components;

import io.sluice.translator.StreamContext;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spi.MappingEngine;
import io.sluice.translator.spi.MappingSyntaxException;
import java.util.function.Function;
import org.apache.camel.Expression;
import org.apache.camel.support.builder.ExpressionBuilder;

/** Compiling mapping-language text inside translators, with errors located in the document and the mapping. */
final class Mappings {

    private static final MappingEngine ENGINE = MappingEngine.discover();

    private Mappings() {
    }

    /**
     * Compiles {@code text} found at {@code jsonPath}; on failure reports a problem naming the mapping's own
     * line:column and returns null.
     */
    static <T> T compile(String text, String jsonPath, StreamContext stream, Function<MappingEngine, T> compiler) {
        if (ENGINE == null) {
            stream.problem(jsonPath, "Bloblang is needed here, but no mapping engine is installed "
                    + "(the sluice-bloblang plugin is missing from the class path)");
            return null;
        }
        try {
            return compiler.apply(ENGINE);
        } catch (MappingSyntaxException e) {
            stream.problem(jsonPath, "Bloblang error at mapping line " + e.line() + ", column " + e.column() + ": "
                    + e.getMessage());
            return null;
        }
    }

    /**
     * The compiled {@code ${! }} string field (Bento's interpolated strings, such as an output's {@code topic}), or
     * null when the field holds plain text, or nothing, or does not compile (reported as a problem).
     */
    static Expression interpolation(ComponentConfig config, String field, StreamContext stream) {
        String text = config.string(field);
        if (!MappingEngine.isInterpolated(text)) {
            return null;
        }
        return compile(text, config.jsonPath(field), stream, engine -> engine.interpolation(text));
    }

    /** A field rendered per message: its {@code ${! }} interpolation, or its plain text as a constant. */
    static Expression field(ComponentConfig config, String field, StreamContext stream) {
        Expression interpolated = interpolation(config, field, stream);
        if (interpolated != null) {
            return interpolated;
        }
        return ExpressionBuilder.constantExpression(config.string(field) == null ? "" : config.string(field));
    }
}
