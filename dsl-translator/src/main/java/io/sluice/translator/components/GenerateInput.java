package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.optional;
import static io.sluice.translator.spec.FieldSpec.required;

import io.sluice.translator.Durations;
import io.sluice.translator.EndpointUri;
import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.InputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldType;
import java.time.Duration;
import org.apache.camel.model.RouteDefinition;

/**
 * Bento's {@code generate} input: makes a message from a Bloblang mapping on an interval (a duration, or
 * {@code @every <duration>}), {@code count} times or forever. A Camel timer; the mapping runs on an empty message.
 */
public final class GenerateInput implements InputTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("generate", ComponentKind.INPUT,
            "Generates messages from a mapping on an interval.",
            required("mapping", FieldType.STRING, "the Bloblang mapping that builds each message"),
            optional("interval", FieldType.STRING, "1s", "a duration or '@every <duration>'; empty: as fast as possible"),
            optional("count", FieldType.INT, 0, "how many messages (0: no end)"),
            optional("batch_size", FieldType.INT, 1, "messages per interval").notYetActedOn("one message per interval"),
            optional("auto_replay_nacks", FieldType.BOOL, true, "retry a message its output refused")
                    .notYetActedOn("a refused message is not generated again"));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        if (interval(config) == null) {
            stream.problem(config.jsonPath("interval"), "interval '" + config.string("interval")
                    + "' is not a duration such as 5s or '@every 5s' (cron expressions are not supported yet)");
        }
        if (config.integer("count") < 0) {
            stream.problem(config.jsonPath("count"), "count must be 0 (no end) or more");
        }
        mapping(config, stream);
    }

    @Override
    public String endpointUri(ComponentConfig config, StreamContext stream) {
        Duration interval = interval(config);
        return EndpointUri.of("timer", stream.routeId("generate"))
                .option("period", Math.max(1, interval == null ? 1000 : interval.toMillis()))
                .option("delay", 0)
                .option("repeatCount", config.integer("count"))
                .toString();
    }

    @Override
    public void afterConsume(RouteDefinition route, ComponentConfig config, StreamContext stream) {
        route.setBody(org.apache.camel.builder.Builder.constant(new byte[0])).process(mapping(config, stream));
    }

    private static org.apache.camel.Processor mapping(ComponentConfig config, StreamContext stream) {
        String text = config.string("mapping");
        return Mappings.compile(text, config.jsonPath("mapping"), stream, engine -> engine.mapping(text, false));
    }

    /** The interval, or null when it is not one we understand. An empty interval means as fast as possible. */
    private static Duration interval(ComponentConfig config) {
        String text = config.string("interval").trim();
        if (text.isEmpty()) {
            return Duration.ZERO;
        }
        if (text.startsWith("@every ")) {
            text = text.substring("@every ".length()).trim();
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
