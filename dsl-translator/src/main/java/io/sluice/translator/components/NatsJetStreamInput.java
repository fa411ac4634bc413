package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.optional;

import io.sluice.translator.EndpointUri;
import io.sluice.translator.SluiceEndpoints;
import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.InputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldType;
import java.util.Set;

/**
 * Bento's {@code nats_jetstream} input on the sluice-nats JetStream consumer (camel-nats 4.17 acknowledges every
 * JetStream message whatever the route did, so it cannot give at-least-once). A message is acknowledged only after
 * the output took it; when the output fails it is nak'd and the server delivers it again a second later. Messages
 * carry Bento's metadata: {@code nats_subject}, {@code nats_sequence_stream}, {@code nats_sequence_consumer},
 * {@code nats_num_delivered}, {@code nats_num_pending}, {@code nats_domain}, {@code nats_timestamp_unix_nano} and
 * the NATS headers.
 */
public final class NatsJetStreamInput implements InputTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("nats_jetstream", ComponentKind.INPUT,
            "Reads messages from NATS JetStream, acknowledging each once the output took it.",
            NatsFields.urls(),
            optional("queue", FieldType.STRING, "", "queue group to consume as"),
            optional("subject", FieldType.STRING, "", "subject to consume; wildcards allowed"),
            optional("durable", FieldType.STRING, "", "durable consumer name"),
            optional("stream", FieldType.STRING, "", "stream to consume from"),
            optional("bind", FieldType.BOOL, false, "use an existing consumer (durable in stream)"),
            optional("deliver", FieldType.STRING, "all", "all, last, last_per_subject or new"),
            optional("ack_wait", FieldType.DURATION, "30s", "time the server waits for an acknowledgement"),
            optional("max_ack_pending", FieldType.INT, 1024, "unacknowledged messages before delivery pauses"),
            NatsFields.tls(),
            NatsFields.auth(),
            NatsFields.extractTracing());

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        NatsFields.checkUrls(config, stream);
        HttpServerOutput.oneOf(config, "deliver", Set.of("all", "last", "last_per_subject", "new"), stream);
        if (config.bool("bind")) {
            if (config.string("durable").isEmpty()) {
                stream.problem(config.jsonPath("durable"), "bind needs the durable name of the consumer to use");
            }
            if (config.string("stream").isEmpty() && config.string("subject").isEmpty()) {
                stream.problem(config.jsonPath("stream"), "bind needs the stream (or a subject to find it by)");
            }
        } else if (config.string("subject").isEmpty()) {
            stream.problem(config.jsonPath("subject"), "a subject is required unless bind is true");
        }
        if (config.integer("max_ack_pending") < 1) {
            stream.problem(config.jsonPath("max_ack_pending"), "max_ack_pending must be at least 1");
        }
        if (config.duration("ack_wait").compareTo(java.time.Duration.ZERO) <= 0) {
            stream.problem(config.jsonPath("ack_wait"), "ack_wait must be more than 0s");
        }
    }

    @Override
    public String endpointUri(ComponentConfig config, StreamContext stream) {
        String subject = config.string("subject");
        return EndpointUri.of(SluiceEndpoints.NATS, subject.isEmpty() ? config.string("durable") : subject)
                .option("servers", NatsFields.servers(config))
                .option("jetStream", true)
                .option("subject", subject.isEmpty() ? null : subject)
                .option("queue", empty(config.string("queue")))
                .option("durable", empty(config.string("durable")))
                .option("stream", empty(config.string("stream")))
                .option("bind", config.bool("bind"))
                .option("deliver", config.string("deliver"))
                .option("ackWaitMillis", config.duration("ack_wait").toMillis())
                .option("maxAckPending", config.integer("max_ack_pending"))
                .toString();
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
