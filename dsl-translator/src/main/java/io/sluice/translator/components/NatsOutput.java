package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.optional;
import static io.sluice.translator.spec.FieldSpec.required;

import io.sluice.translator.EndpointUri;
import io.sluice.translator.SluiceEndpoints;
import io.sluice.translator.StreamContext;
import io.sluice.translator.model.ApiDefinitionParser;
import io.sluice.translator.nats.NatsPublishing;
import io.sluice.translator.registry.OutputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldType;
import io.sluice.translator.spi.MappingEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.camel.Expression;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.support.builder.ExpressionBuilder;

/**
 * Bento's {@code nats} output on the sluice-nats publisher. Core NATS has no acknowledgement: a message counts as
 * written once a flush after it came back from the server (so an HTTP producer gets 200 only then, and 503 when the
 * server is unreachable); whether a subscriber received it, NATS does not tell. {@code subject} and the values of
 * {@code headers} may be {@code ${! }} interpolations.
 */
public final class NatsOutput implements OutputTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("nats", ComponentKind.OUTPUT,
            "Publishes messages to a NATS subject (core NATS: no acknowledgement beyond the server's flush).",
            NatsFields.urls(),
            required("subject", FieldType.STRING, "subject to publish to (may be a ${! } interpolation)"),
            NatsFields.headers(),
            NatsFields.metadata(),
            optional("max_in_flight", FieldType.INT, 64, "messages written in parallel")
                    .notYetActedOn("each message is flushed before it completes; the input bounds what is in flight"),
            NatsFields.tls(),
            NatsFields.auth(),
            NatsFields.injectTracing());

    /** When the stream has no HTTP input to bound it: how long the server may take to answer. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        checkPublishing(config, stream);
    }

    @Override
    public void appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        publish(route, config, stream, false);
    }

    static void checkPublishing(ComponentConfig config, StreamContext stream) {
        NatsFields.checkUrls(config, stream);
        if (config.string("subject").isEmpty()) {
            stream.problem(config.jsonPath("subject"), "subject must not be empty");
        }
        Mappings.interpolation(config, "subject", stream);
        headerValues(config, stream);
        includePatterns(config, stream);
    }

    /** The publishing step of {@code nats} and {@code nats_jetstream}: render subject and headers, then publish. */
    static void publish(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream, boolean jetStream) {
        Duration budget = DEFAULT_TIMEOUT;
        if (stream.requestTimeout() != null) {
            // answer the HTTP producer with 503 before its own timeout (408) would
            budget = Duration.ofMillis(Math.max(200, stream.requestTimeout().toMillis() * 8 / 10));
        }
        String subject = config.string("subject");
        route.process(new NatsPublishing(Mappings.field(config, "subject", stream), headerValues(config, stream),
                        config.object("metadata").stringListRaw("include_prefixes"), includePatterns(config, stream)))
                .id(stream.routeId("output.headers"));
        route.to(EndpointUri.of(SluiceEndpoints.NATS, MappingEngine.isInterpolated(subject) ? "interpolated" : subject)
                .option("servers", NatsFields.servers(config))
                .option("subject", subject)
                .option("jetStream", jetStream)
                .option("timeoutMillis", budget.toMillis())
                .toString()).id(stream.routeId("output"));
    }

    private static Map<String, Expression> headerValues(ComponentConfig config, StreamContext stream) {
        Map<String, Expression> out = new LinkedHashMap<>();
        config.stringMap("headers").forEach((name, text) -> {
            String path = config.jsonPath("headers") + "/" + ApiDefinitionParser.escape(name);
            Expression value = MappingEngine.isInterpolated(text)
                    ? Mappings.compile(text, path, stream, engine -> engine.interpolation(text))
                    : ExpressionBuilder.constantExpression(text);
            if (value != null) {
                out.put(name, value);
            }
        });
        return out;
    }

    private static List<Pattern> includePatterns(ComponentConfig config, StreamContext stream) {
        List<Pattern> out = new ArrayList<>();
        ComponentConfig metadata = config.object("metadata");
        for (String p : metadata.stringListRaw("include_patterns")) {
            try {
                out.add(Pattern.compile(p));
            } catch (PatternSyntaxException e) {
                stream.problem(metadata.jsonPath("include_patterns"), "'" + p + "' is not a regular expression: "
                        + e.getDescription());
            }
        }
        return out;
    }
}
