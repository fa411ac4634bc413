package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.object;
import static io.sluice.translator.spec.FieldSpec.optional;
import static io.sluice.translator.spec.FieldSpec.required;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.translator.EndpointUri;
import io.sluice.translator.SluiceEndpoints;
import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.InputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldType;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Bento's {@code amqp_0_9} input on the sluice-amqp consumer (camel-spring-rabbitmq). A message is acknowledged
 * only after the output took it; when the output fails it is requeued (after a second), or rejected without requeue
 * when the error matches {@code nack_reject_patterns}. With {@code auto_ack} the broker forgets each message as it
 * is delivered (at most once). Messages carry Bento's {@code amqp_*} metadata and their headers.
 */
public final class Amqp09Input implements InputTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("amqp_0_9", ComponentKind.INPUT,
            "Consumes messages from an AMQP 0.9 queue (RabbitMQ), acknowledging each once the output took it.",
            AmqpFields.urls(),
            required("queue", FieldType.STRING, "queue to consume from"),
            object("queue_declare", "declare the queue",
                    optional("enabled", FieldType.BOOL, false, "declare the queue"),
                    optional("durable", FieldType.BOOL, true, "the declared queue is durable"),
                    optional("auto_delete", FieldType.BOOL, false, "the declared queue deletes itself when unused")),
            optional("bindings_declare", FieldType.LIST, List.of(), "bindings to declare: [{exchange, key}]"),
            optional("consumer_tag", FieldType.STRING, "", "consumer tag"),
            optional("auto_ack", FieldType.BOOL, false, "acknowledge on delivery (at most once)"),
            optional("nack_reject_patterns", FieldType.STRING_LIST, List.of(),
                    "errors matching these regular expressions reject the message instead of requeueing it"),
            optional("prefetch_count", FieldType.INT, 10, "unacknowledged messages the broker sends ahead"),
            optional("prefetch_size", FieldType.INT, 0, "unacknowledged bytes the broker sends ahead")
                    .notYetActedOn("only prefetch_count bounds what the broker sends ahead"),
            AmqpFields.tls());

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        AmqpFields.checkUrls(config, stream);
        if (config.string("queue").isEmpty()) {
            stream.problem(config.jsonPath("queue"), "queue must not be empty");
        }
        JsonNode bindings = config.value("bindings_declare");
        for (int i = 0; i < bindings.size(); i++) {
            JsonNode b = bindings.get(i);
            if (!b.isObject() || b.has("exchange") && !b.get("exchange").isTextual() || b.has("key") && !b.get("key").isTextual()) {
                stream.problem(config.jsonPath("bindings_declare") + "/" + i,
                        "a binding is an object with the strings 'exchange' and 'key'");
            } else {
                String at = config.jsonPath("bindings_declare") + "/" + i;
                b.fieldNames().forEachRemaining(f -> {
                    if (!f.equals("exchange") && !f.equals("key")) {
                        stream.problem(at + "/" + f,
                                "unknown field '" + f + "' of a binding (it has 'exchange' and 'key')");
                    }
                });
            }
        }
        for (String p : config.stringListRaw("nack_reject_patterns")) {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                stream.problem(config.jsonPath("nack_reject_patterns"), "'" + p + "' is not a regular expression: "
                        + e.getDescription());
            }
        }
        if (config.integer("prefetch_count") < 0) {
            stream.problem(config.jsonPath("prefetch_count"), "prefetch_count must not be negative");
        }
    }

    @Override
    public String endpointUri(ComponentConfig config, StreamContext stream) {
        ComponentConfig declare = config.object("queue_declare");
        String tag = config.string("consumer_tag");
        return EndpointUri.of(SluiceEndpoints.AMQP, "default")
                .option("urls", AmqpFields.urls(config))
                .option("queues", config.string("queue"))
                .option("queueDeclare", declare.bool("enabled"))
                .option("queueDurable", declare.bool("durable"))
                .option("queueAutoDelete", declare.bool("auto_delete"))
                .option("bindings", config.value("bindings_declare").toString())
                .option("consumerTag", tag.isEmpty() ? null : tag)
                .option("autoAck", config.bool("auto_ack"))
                .option("nackRejectPatterns", AmqpFields.json(config.stringListRaw("nack_reject_patterns")))
                .option("prefetchCount", config.integer("prefetch_count"))
                .toString();
    }
}
