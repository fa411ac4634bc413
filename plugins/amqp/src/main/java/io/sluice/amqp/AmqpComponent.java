package io.sluice.amqp;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.component.springrabbit.SpringRabbitMQComponent;
import org.apache.camel.component.springrabbit.SpringRabbitMQEndpoint;
import org.apache.camel.util.PropertiesHelper;

/**
 * {@code sluice-amqp:<exchange>?urls=..}: camel-spring-rabbitmq for Bento's {@code amqp_0_9} input and output.
 * camel-spring-rabbitmq wants a Spring connection factory from the registry; here each endpoint builds its own from
 * Bento's {@code urls} and closes it with the endpoint, so undeploying a stream closes its connections. Consumed
 * messages carry Bento's metadata keys, and the consumer's declarations and nack policy are Bento's.
 */
public class AmqpComponent extends SpringRabbitMQComponent {

    public AmqpComponent() {
        setListenerContainerFactory(new ListenerContainers());
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        AmqpEndpoint endpoint = new AmqpEndpoint(uri, this, remaining);
        endpoint.setMessageConverter(getMessageConverter());
        endpoint.setMessagePropertiesConverter(new BentoMessageProperties());
        endpoint.setArgs(PropertiesHelper.extractProperties(parameters, SpringRabbitMQEndpoint.ARG_PREFIX));
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
