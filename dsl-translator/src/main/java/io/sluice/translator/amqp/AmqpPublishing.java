package io.sluice.translator.amqp;

import io.sluice.translator.MetadataKeys;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * What the AMQP publisher needs for one message, rendered from Bento's {@code amqp_0_9} output fields into
 * camel-spring-rabbitmq's headers: exchange and routing key, the message properties (an empty value leaves the
 * property unset), persistence, and the metadata that {@code metadata.exclude_prefixes} keeps out of the headers.
 */
public final class AmqpPublishing implements Processor {

    /** camel-spring-rabbitmq's header names (SpringRabbitMQConstants, named here to avoid the dependency). */
    public static final String EXCHANGE = "CamelSpringRabbitmqExchangeOverrideName";
    public static final String ROUTING_KEY = "CamelSpringRabbitmqRoutingOverrideKey";
    public static final String TYPE = "CamelSpringRabbitmqType";
    public static final String CONTENT_TYPE = "CamelSpringRabbitmqContentType";
    public static final String CONTENT_ENCODING = "CamelSpringRabbitmqContentEncoding";
    public static final String CORRELATION_ID = "CamelSpringRabbitmqCorrelationId";
    public static final String REPLY_TO = "CamelSpringRabbitmqReplyTo";
    public static final String EXPIRATION = "CamelSpringRabbitmqExpiration";
    public static final String MESSAGE_ID = "CamelSpringRabbitmqMessageId";
    public static final String USER_ID = "CamelSpringRabbitmqUserId";
    public static final String APP_ID = "CamelSpringRabbitmqAppId";
    private static final String PRIORITY = "CamelSpringRabbitmqPriority";
    private static final String DELIVERY_MODE = "CamelSpringRabbitmqDeliveryMode";

    private final Expression exchangeName;
    private final Expression routingKey;
    private final Map<String, Expression> properties;
    private final Expression priority;
    private final boolean persistent;
    private final List<String> excludedPrefixes;

    /** @param properties camel-spring-rabbitmq header name to the field's value */
    public AmqpPublishing(Expression exchangeName, Expression routingKey, Map<String, Expression> properties,
                          Expression priority, boolean persistent, List<String> excludedPrefixes) {
        this.exchangeName = exchangeName;
        this.routingKey = routingKey;
        this.properties = properties;
        this.priority = priority;
        this.persistent = persistent;
        this.excludedPrefixes = excludedPrefixes;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        if (!excludedPrefixes.isEmpty()) {
            in.getHeaders().keySet().removeIf(k -> MetadataKeys.isMetadata(k) && excludedPrefixes.stream().anyMatch(k::startsWith));
        }
        in.setHeader(EXCHANGE, exchangeName.evaluate(exchange, String.class));
        // as Bento: a binding key or type written as a path uses dots
        in.setHeader(ROUTING_KEY, render(routingKey, exchange).replace('/', '.'));
        properties.forEach((header, value) -> {
            String v = render(value, exchange);
            if (!v.isEmpty()) {
                in.setHeader(header, TYPE.equals(header) ? v.replace('/', '.') : v);
            }
        });
        String p = render(priority, exchange);
        if (!p.isEmpty()) {
            in.setHeader(PRIORITY, priority(p));
        }
        in.setHeader(DELIVERY_MODE, persistent ? "PERSISTENT" : "NON_PERSISTENT");
    }

    private static String render(Expression e, Exchange exchange) {
        String v = e.evaluate(exchange, String.class);
        return v == null ? "" : v;
    }

    private static int priority(String text) {
        int p;
        try {
            p = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("priority '" + text + "' is not an integer");
        }
        if (p < 0 || p > 9) {
            throw new IllegalArgumentException("priority must be between 0 and 9, got " + p);
        }
        return p;
    }
}
