package io.sluice.amqp;

import org.apache.camel.component.springrabbit.DefaultListenerContainerFactory;
import org.apache.camel.component.springrabbit.SpringRabbitMQEndpoint;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;

/** camel-spring-rabbitmq's listener containers, given Bento's consumer tag when the input names one. */
final class ListenerContainers extends DefaultListenerContainerFactory {

    @Override
    public AbstractMessageListenerContainer createListenerContainer(SpringRabbitMQEndpoint endpoint) {
        AbstractMessageListenerContainer container = super.createListenerContainer(endpoint);
        if (endpoint instanceof AmqpEndpoint amqp && !amqp.getConsumerTag().isEmpty()) {
            String tag = amqp.getConsumerTag();
            container.setConsumerTagStrategy(queue -> tag);
        }
        return container;
    }
}
