package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.optional;
import static io.sluice.translator.spec.FieldSpec.required;

import io.sluice.translator.EndpointUri;
import io.sluice.translator.StreamContext;
import io.sluice.translator.nats.NatsMetadata;
import io.sluice.translator.registry.InputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldType;
import org.apache.camel.LoggingLevel;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;

/**
 * Bento's {@code nats} input as camel-nats' consumer: core NATS, at most once (the server keeps nothing to deliver
 * again). As in Bento, {@code auto_replay_nacks} retries a message the output refused, in process, until it takes
 * it (holding back the subscription meanwhile); without it such a message is dropped.
 */
public final class NatsInput implements InputTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("nats", ComponentKind.INPUT,
            "Subscribes to a NATS subject (core NATS).",
            NatsFields.urls(),
            required("subject", FieldType.STRING, "subject to consume; wildcards allowed (foo.*, foo.>)"),
            optional("queue", FieldType.STRING, "", "queue group to consume as"),
            optional("auto_replay_nacks", FieldType.BOOL, true, "retry messages the output refused until it takes them"),
            optional("nak_delay", FieldType.DURATION, null, "delay before a refused message is delivered again")
                    .notYetActedOn("core NATS does not deliver a message again; refused messages are retried every second"),
            optional("prefetch_count", FieldType.INT, 524288, "messages buffered by the client")
                    .notYetActedOn("the client's default pending limits apply"),
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
        if (config.string("subject").isEmpty()) {
            stream.problem(config.jsonPath("subject"), "subject must not be empty");
        }
    }

    @Override
    public String endpointUri(ComponentConfig config, StreamContext stream) {
        String queue = config.string("queue");
        return EndpointUri.of("nats", config.string("subject"))
                .option("servers", NatsFields.servers(config))
                .option("queueName", queue.isEmpty() ? null : queue)
                // reconnect for ever, as Bento's client does (camel-nats gives up after 60 attempts)
                .option("maxReconnectAttempts", -1)
                // the stream's result is not a reply: Bento's nats input does not answer a message's reply subject
                .option("replyToDisabled", true)
                .option("poolSize", 1)
                // a consumer has nothing to flush at stop (and a server that is gone would only make it wait)
                .option("flushConnection", false)
                .toString();
    }

    @Override
    public void afterConsume(RouteDefinition route, ComponentConfig config, StreamContext stream) {
        if (config.bool("auto_replay_nacks")) {
            // Scheduled, not slept through on the failing thread: a stream being undeployed fails what waits in its
            // output from the undeploying thread, which must go on to stop the route (and with it the retries).
            route.errorHandler(new DefaultErrorHandlerDefinition().maximumRedeliveries(-1).redeliveryDelay(1000)
                    .asyncDelayedRedelivery()
                    .logRetryAttempted(true).retryAttemptedLogLevel(LoggingLevel.WARN).logStackTrace(false)
                    .logRetryStackTrace(false));
        }
        route.process(new NatsMetadata()).id(stream.routeId("input.metadata"));
    }
}
