package io.sluice.amqp;

import org.apache.camel.Processor;
import org.apache.camel.component.springrabbit.EndpointMessageListener;
import org.apache.camel.component.springrabbit.SpringRabbitMQConsumer;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;

/** camel-spring-rabbitmq's consumer with the {@link AcknowledgingListener}. */
final class AmqpConsumer extends SpringRabbitMQConsumer {

    // set from the superclass constructor (which asks for the listener), so no initializer here
    private EndpointMessageListener listener;

    AmqpConsumer(AmqpEndpoint endpoint, Processor processor, AbstractMessageListenerContainer container) {
        super(endpoint, processor, container);
    }

    @Override
    public synchronized EndpointMessageListener getEndpointMessageListener() {
        if (listener == null) {
            listener = new AcknowledgingListener(this, (AmqpEndpoint) getEndpoint(), getProcessor());
            getEndpoint().configureMessageListener(listener);
        }
        return listener;
    }
}
