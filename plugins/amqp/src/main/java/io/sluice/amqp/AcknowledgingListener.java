package io.sluice.amqp;

import com.rabbitmq.client.Channel;
import org.apache.camel.Processor;
import org.apache.camel.component.springrabbit.EndpointMessageListener;
import org.apache.camel.component.springrabbit.SpringRabbitMQConsumer;
import org.springframework.amqp.core.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-spring-rabbitmq's listener (the message through the route, synchronously), acknowledging by hand: ack once
 * the route succeeded, otherwise requeue or reject as {@link NackPolicy} says. The failure is logged here, once,
 * and never reaches the listener container (which would log it again with its stack and decide by itself).
 */
final class AcknowledgingListener extends EndpointMessageListener {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgingListener.class);

    private final AmqpEndpoint endpoint;

    AcknowledgingListener(SpringRabbitMQConsumer consumer, AmqpEndpoint endpoint, Processor processor) {
        super(consumer, endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
        Exception failure = null;
        try {
            super.onMessage(message, channel);
        } catch (Exception e) {
            failure = e;
        }
        String queue = message.getMessageProperties().getConsumerQueue();
        if (endpoint.isAutoAck()) {
            if (failure != null) {
                LOG.warn("AMQP message from '{}' lost (auto_ack): {}", queue, NackPolicy.describe(failure));
            }
            return;
        }
        long tag = message.getMessageProperties().getDeliveryTag();
        if (failure == null) {
            channel.basicAck(tag, false);
        } else if (endpoint.nackPolicy().rejects(failure)) {
            LOG.warn("AMQP message from '{}' rejected (matches nack_reject_patterns): {}", queue, NackPolicy.describe(failure));
            channel.basicReject(tag, false);
        } else {
            LOG.warn("AMQP message from '{}' not taken by the output, requeued: {}", queue, NackPolicy.describe(failure));
            endpoint.requeueLater(channel, tag);
        }
    }
}
