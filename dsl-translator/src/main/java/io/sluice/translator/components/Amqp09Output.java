package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.object;
import static io.sluice.translator.spec.FieldSpec.optional;
import static io.sluice.translator.spec.FieldSpec.required;

import io.sluice.translator.Durations;
import io.sluice.translator.EndpointUri;
import io.sluice.translator.SluiceEndpoints;
import io.sluice.translator.StreamContext;
import io.sluice.translator.amqp.AmqpPublishing;
import io.sluice.translator.registry.OutputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldType;
import io.sluice.translator.spi.MappingEngine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Expression;
import org.apache.camel.model.ProcessorDefinition;

/**
 * Bento's {@code amqp_0_9} output on the sluice-amqp producer (camel-spring-rabbitmq): a message is written once the
 * broker's publisher confirm arrived, so an HTTP producer gets 200 only then; a missing exchange, a negative confirm,
 * a message returned as unroutable ({@code mandatory}) or a broker that is down fails it (502 / 503). Metadata become headers (underscores turned into dashes, as Bento does) unless
 * {@code metadata.exclude_prefixes} names them. {@code exchange}, {@code key}, {@code type} and the other message
 * properties may be {@code ${! }} interpolations.
 */
public final class Amqp09Output implements OutputTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("amqp_0_9", ComponentKind.OUTPUT,
            "Publishes messages to an AMQP 0.9 exchange (RabbitMQ) and acknowledges them on the publisher confirm.",
            AmqpFields.urls(),
            required("exchange", FieldType.STRING, "exchange to publish to (may be a ${! } interpolation)"),
            object("exchange_declare", "declare the exchange",
                    optional("enabled", FieldType.BOOL, false, "declare the exchange"),
                    optional("type", FieldType.STRING, "direct", "direct, fanout, topic or x-custom"),
                    optional("durable", FieldType.BOOL, true, "the declared exchange is durable")),
            optional("key", FieldType.STRING, "", "routing key"),
            optional("type", FieldType.STRING, "", "type property"),
            optional("content_type", FieldType.STRING, "application/octet-stream", "content type property"),
            optional("content_encoding", FieldType.STRING, "", "content encoding property"),
            optional("correlation_id", FieldType.STRING, "", "correlation id property"),
            optional("reply_to", FieldType.STRING, "", "reply-to property"),
            optional("expiration", FieldType.STRING, "", "per-message TTL property"),
            optional("message_id", FieldType.STRING, "", "message id property"),
            optional("user_id", FieldType.STRING, "", "user id property (must be the connection's user)"),
            optional("app_id", FieldType.STRING, "", "application id property"),
            object("metadata", "which metadata stay out of the headers",
                    optional("exclude_prefixes", FieldType.STRING_LIST, List.of(), "metadata key prefixes not sent")),
            optional("priority", FieldType.STRING, "", "priority 0-9 (may be a ${! } interpolation)"),
            optional("max_in_flight", FieldType.INT, 64, "messages written in parallel")
                    .notYetActedOn("each message completes on its publisher confirm; the input bounds what is in flight"),
            optional("persistent", FieldType.BOOL, false, "persistent delivery mode"),
            optional("mandatory", FieldType.BOOL, false, "a message no queue takes is returned, and fails"),
            optional("immediate", FieldType.BOOL, false, "drop messages no consumer is ready for")
                    .notYetActedOn("RabbitMQ does not support the immediate flag"),
            optional("timeout", FieldType.STRING, "", "how long to wait for the publisher confirm; empty: no limit"),
            AmqpFields.tls());

    /** Bento field to the camel-spring-rabbitmq header carrying the message property. */
    private static final Map<String, String> PROPERTIES = properties();

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        AmqpFields.checkUrls(config, stream);
        HttpServerOutput.oneOf(config.object("exchange_declare"), "type", Set.of("direct", "fanout", "topic", "x-custom"),
                stream);
        for (String f : new String[] {"exchange", "key", "priority"}) {
            Mappings.interpolation(config, f, stream);
        }
        PROPERTIES.keySet().forEach(f -> Mappings.interpolation(config, f, stream));
        String priority = config.string("priority");
        if (!priority.isEmpty() && !MappingEngine.isInterpolated(priority) && !priority.matches("[0-9]")) {
            stream.problem(config.jsonPath("priority"), "priority must be between 0 and 9, got '" + priority + "'");
        }
        timeout(config, stream);
    }

    @Override
    public void appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        Map<String, Expression> properties = new LinkedHashMap<>();
        PROPERTIES.forEach((field, header) -> properties.put(header, Mappings.field(config, field, stream)));
        String exchange = config.string("exchange");
        route.process(new AmqpPublishing(Mappings.field(config, "exchange", stream), Mappings.field(config, "key", stream),
                        properties, Mappings.field(config, "priority", stream), config.bool("persistent"),
                        config.object("metadata").stringListRaw("exclude_prefixes")))
                .id(stream.routeId("output.properties"));
        // bytes as they are: camel-spring-rabbitmq would encode a String body and label its charset
        route.convertBodyTo(byte[].class);
        Duration budget = budget(config, stream);
        ComponentConfig declare = config.object("exchange_declare");
        route.to(EndpointUri.of(SluiceEndpoints.AMQP, MappingEngine.isInterpolated(exchange) || exchange.isEmpty()
                        ? "default" : exchange)
                .option("urls", AmqpFields.urls(config))
                .option("declareExchange", declare.bool("enabled"))
                .option("exchangeType", declare.string("type"))
                .option("exchangeDurable", declare.bool("durable"))
                .option("mandatory", config.bool("mandatory"))
                // 0: wait for the confirm as long as it takes (Bento's default without a timeout)
                .option("confirmTimeout", budget == null ? 0 : budget.toMillis())
                .option("connectionTimeoutMillis", budget == null ? 10_000 : Math.max(200, budget.toMillis() * 6 / 10))
                .toString()).id(stream.routeId("output"));
    }

    /** The output's own timeout, bounded by the HTTP producer's (so that it gets 503 before its 408); null: none. */
    private static Duration budget(ComponentConfig config, StreamContext stream) {
        Duration own = timeout(config, stream);
        Duration http = stream.requestTimeout() == null ? null
                : Duration.ofMillis(Math.max(200, stream.requestTimeout().toMillis() * 8 / 10));
        if (own == null) {
            return http;
        }
        return http == null || own.compareTo(http) < 0 ? own : http;
    }

    private static Duration timeout(ComponentConfig config, StreamContext stream) {
        String text = config.string("timeout");
        if (text.isEmpty()) {
            return null;
        }
        try {
            Duration d = Durations.parse(text);
            if (d.isNegative() || d.isZero()) {
                stream.problem(config.jsonPath("timeout"), "timeout must be more than 0s");
                return null;
            }
            return d;
        } catch (IllegalArgumentException e) {
            stream.problem(config.jsonPath("timeout"), e.getMessage());
            return null;
        }
    }

    private static Map<String, String> properties() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", AmqpPublishing.TYPE);
        m.put("content_type", AmqpPublishing.CONTENT_TYPE);
        m.put("content_encoding", AmqpPublishing.CONTENT_ENCODING);
        m.put("correlation_id", AmqpPublishing.CORRELATION_ID);
        m.put("reply_to", AmqpPublishing.REPLY_TO);
        m.put("expiration", AmqpPublishing.EXPIRATION);
        m.put("message_id", AmqpPublishing.MESSAGE_ID);
        m.put("user_id", AmqpPublishing.USER_ID);
        m.put("app_id", AmqpPublishing.APP_ID);
        return m;
    }
}
