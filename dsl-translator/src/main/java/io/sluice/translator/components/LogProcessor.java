package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.optional;

import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.ProcessorTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldType;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Expression;
import org.apache.camel.model.ProcessorDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Bento's {@code log} processor: logs an interpolated message per message, at the given level, on the logger
 * {@code sluice.stream.<api>.<stream>}; the message passes unchanged.
 */
public final class LogProcessor implements ProcessorTranslator {

    private static final Set<String> LEVELS = Set.of("FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "ALL", "NONE");

    private static final ComponentSpec SPEC = ComponentSpec.of("log", ComponentKind.PROCESSOR,
            "Logs a message (interpolated per message).",
            optional("level", FieldType.STRING, "INFO", "FATAL, ERROR, WARN, INFO, DEBUG, TRACE, ALL or NONE"),
            optional("message", FieldType.STRING, "", "the text, with ${! } interpolations"),
            optional("fields_mapping", FieldType.STRING, null, "structured fields")
                    .notYetActedOn("structured log fields are not written yet; put them in the message"),
            optional("fields", FieldType.STRING_MAP, null, "structured fields (deprecated)")
                    .notYetActedOn("structured log fields are not written yet; put them in the message"));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        if (!LEVELS.contains(config.string("level").toUpperCase(Locale.ROOT))) {
            stream.problem(config.jsonPath("level"), "unknown log level '" + config.string("level") + "'; one of " + LEVELS);
        }
        message(config, stream);
    }

    @Override
    public ProcessorDefinition<?> appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        String level = config.string("level").toUpperCase(Locale.ROOT);
        if (level.equals("NONE")) {
            return route;
        }
        Level slf4j = switch (level) {
            case "FATAL", "ERROR" -> Level.ERROR;
            case "WARN" -> Level.WARN;
            case "DEBUG" -> Level.DEBUG;
            case "TRACE", "ALL" -> Level.TRACE;
            default -> Level.INFO;
        };
        Logger log = LoggerFactory.getLogger("sluice.stream." + stream.apiId() + "." + stream.streamName());
        Expression message = message(config, stream);
        return route.process(exchange -> {
            if (log.isEnabledForLevel(slf4j)) {
                log.atLevel(slf4j).log(message.evaluate(exchange, String.class));
            }
        });
    }

    private static Expression message(ComponentConfig config, StreamContext stream) {
        String text = config.string("message");
        return Mappings.compile(text, config.jsonPath("message"), stream, engine -> engine.interpolation(text));
    }
}
