package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.optional;
import static io.sluice.translator.spec.FieldSpec.required;

import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.OutputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldType;
import org.apache.camel.model.ProcessorDefinition;

/**
 * Bento's {@code nats_jetstream} output on the sluice-nats publisher: a message is written once the stream that
 * holds its subject answered with a PubAck; with no stream for the subject, or no answer in time, it fails (503
 * or 502 to an HTTP producer, a redelivery for a broker input).
 */
public final class NatsJetStreamOutput implements OutputTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("nats_jetstream", ComponentKind.OUTPUT,
            "Writes messages to a NATS JetStream subject and acknowledges them once the stream stored them.",
            NatsFields.urls(),
            required("subject", FieldType.STRING, "subject to write to (may be a ${! } interpolation)"),
            NatsFields.headers(),
            NatsFields.metadata(),
            optional("max_in_flight", FieldType.INT, 1024, "messages written in parallel")
                    .notYetActedOn("each message completes on its PubAck; the input bounds what is in flight"),
            NatsFields.tls(),
            NatsFields.auth(),
            NatsFields.injectTracing());

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        NatsOutput.checkPublishing(config, stream);
    }

    @Override
    public void appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        NatsOutput.publish(route, config, stream, true);
    }
}
