package io.sluice.nats;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bento's {@code nats_jetstream} input: a push consumer (durable, or bound to an existing one) whose messages are
 * acknowledged only after the route took them, and nak'd when it failed, so the server delivers them again
 * (after {@code nakDelayMillis}, so that an output that is down is not hammered). Messages are handled one at a
 * time, in order, on the subscription's dispatcher thread; the ones not yet acknowledged are at most
 * {@code maxAckPending}, and one not acknowledged within {@code ackWaitMillis} is delivered again.
 */
final class JetStreamConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(JetStreamConsumer.class);

    private Connection connection;
    private JetStreamSubscription subscription;

    JetStreamConsumer(NatsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public NatsEndpoint getEndpoint() {
        return (NatsEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        NatsEndpoint e = getEndpoint();
        connection = e.connect();
        try {
            Dispatcher dispatcher = connection.createDispatcher();
            PushSubscribeOptions.Builder options = PushSubscribeOptions.builder()
                    .configuration(ConsumerConfiguration.builder()
                            .ackPolicy(AckPolicy.Explicit)
                            .deliverPolicy(deliverPolicy(e.getDeliver()))
                            .ackWait(Duration.ofMillis(e.getAckWaitMillis()))
                            .maxAckPending(e.getMaxAckPending())
                            .build());
            if (notEmpty(e.getStream())) {
                options.stream(e.getStream());
            }
            if (notEmpty(e.getDurable())) {
                options.durable(e.getDurable());
            }
            options.bind(e.isBind());
            String subject = notEmpty(e.getSubject()) ? e.getSubject() : null;
            subscription = notEmpty(e.getQueue())
                    ? connection.jetStream().subscribe(subject, e.getQueue(), dispatcher, this::onMessage, false, options.build())
                    : connection.jetStream().subscribe(subject, dispatcher, this::onMessage, false, options.build());
        } catch (Exception failure) {
            connection.close();
            connection = null;
            throw failure;
        }
    }

    @Override
    protected void doStop() throws Exception {
        // Closing the connection ends the subscription; a durable consumer stays on the server for the next start.
        if (connection != null) {
            connection.close();
            connection = null;
        }
        subscription = null;
        super.doStop();
    }

    private void onMessage(Message message) {
        if (!message.isJetStream()) {
            return; // a status message (heartbeat, flow control) is the client's business
        }
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setBody(message.getData());
            JetStreamMetadata.copy(message, exchange.getIn());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        try {
            if (exchange.getException() == null) {
                message.ack();
            } else {
                LOG.warn("JetStream message {} on '{}' not taken by the output, delivered again: {}",
                        message.metaData().streamSequence(), message.getSubject(), exchange.getException().getMessage());
                message.nakWithDelay(getEndpoint().getNakDelayMillis());
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private static DeliverPolicy deliverPolicy(String deliver) {
        return switch (deliver) {
            case "last" -> DeliverPolicy.Last;
            case "last_per_subject" -> DeliverPolicy.LastPerSubject;
            case "new" -> DeliverPolicy.New;
            default -> DeliverPolicy.All;
        };
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
