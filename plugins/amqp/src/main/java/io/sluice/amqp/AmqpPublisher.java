package io.sluice.amqp;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.component.springrabbit.SpringRabbitMQConstants;
import org.apache.camel.component.springrabbit.SpringRabbitMQHelper;
import org.apache.camel.component.springrabbit.SpringRabbitMQProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpTimeoutException;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * camel-spring-rabbitmq's producer, completing each message on its publisher confirm, asynchronously. A negative
 * confirm (a queue refused it, e.g. full with {@code x-overflow: reject-publish}), a channel the broker closed (no
 * such exchange) or, with Bento's {@code mandatory}, a message returned as unroutable fail it as a refusal; no
 * confirm in time fails it as a timeout. When Bento's {@code exchange_declare} is enabled it
 * declares each exchange it publishes to once: the endpoint's own at start, and one named per message (an
 * interpolated {@code exchange}) before its first message.
 */
final class AmqpPublisher extends SpringRabbitMQProducer {

    private static final Logger LOG = LoggerFactory.getLogger(AmqpPublisher.class);

    private final Set<String> declared = ConcurrentHashMap.newKeySet();
    private RabbitAdmin admin;

    AmqpPublisher(AmqpEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public AmqpEndpoint getEndpoint() {
        return (AmqpEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (getEndpoint().isDeclareExchange()) {
            admin = new RabbitAdmin(getEndpoint().getConnectionFactory());
            try {
                declare(getEndpoint().getExchangeName());
            } catch (RuntimeException e) {
                // as Bento: a broker that is not there yet only delays the declaration to the first message
                LOG.warn("Could not declare exchange '{}' yet: {}", getEndpoint().getExchangeName(), e.getMessage());
            }
        }
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        if (admin != null) {
            try {
                declare(exchange.getMessage().getHeader(SpringRabbitMQConstants.EXCHANGE_OVERRIDE_NAME,
                        getEndpoint().getExchangeName(), String.class));
            } catch (RuntimeException e) {
                exchange.setException(e);
                callback.done(true);
                return true;
            }
        }
        return super.process(exchange, callback);
    }

    /**
     * Sends with a correlation whose future the broker's confirm completes; a channel the broker closes (a missing
     * exchange) completes it as a refusal. (Waiting on the channel instead can miss that close: the channel proxy
     * then hands over a fresh channel with nothing to confirm, and the message would count as written.)
     */
    @Override
    protected boolean processInOnly(Exchange exchange, AsyncCallback callback) {
        CorrelationData correlation = getEndpoint().isMandatory() ? new CorrelationData() : new Unnamed();
        String target;
        try {
            org.apache.camel.Message in = exchange.getMessage();
            String exchangeName = (String) in.removeHeader(SpringRabbitMQConstants.EXCHANGE_OVERRIDE_NAME);
            if (exchangeName == null) {
                exchangeName = getEndpoint().getExchangeName();
            }
            target = SpringRabbitMQHelper.isDefaultExchange(exchangeName) ? "" : exchangeName;
            String routingKey = (String) in.removeHeader(SpringRabbitMQConstants.ROUTING_OVERRIDE_KEY);
            MessageProperties properties = getEndpoint().getMessagePropertiesConverter().toMessageProperties(exchange);
            Message message = getEndpoint().getMessageConverter().toMessage(in.getBody(), properties);
            getInOnlyTemplate().send(target, routingKey == null ? getEndpoint().getRoutingKey() : routingKey, message,
                    correlation);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        CompletableFuture<CorrelationData.Confirm> confirm = correlation.getFuture();
        long timeout = getEndpoint().getConfirmTimeout();
        if (timeout > 0) {
            confirm = confirm.orTimeout(timeout, TimeUnit.MILLISECONDS);
        }
        confirm.whenComplete((c, failure) -> {
            if (failure instanceof TimeoutException) {
                exchange.setException(new AmqpTimeoutException("no publisher confirm from RabbitMQ within " + timeout + " ms"));
            } else if (failure != null) {
                exchange.setException(failure);
            } else if (!c.isAck()) {
                exchange.setException(new AmqpRejectedException("RabbitMQ refused the message to exchange '" + target
                        + "'" + (c.getReason() == null ? " (negative publisher confirm)" : ": " + c.getReason())));
            } else if (correlation.getReturned() != null) {
                exchange.setException(new AmqpRejectedException("RabbitMQ returned the message (mandatory): "
                        + correlation.getReturned().getReplyText()));
            }
            callback.done(false);
        });
        return false;
    }

    /**
     * A correlation without an id. Spring writes a correlation's id into the message as a header, which only
     * matching a returned message to its sender needs (mandatory).
     */
    private static final class Unnamed extends CorrelationData {
        @Override
        public String getId() {
            return null;
        }
    }

    /** The broker had the message and refused it (negative confirm, or returned as unroutable). */
    static final class AmqpRejectedException extends RuntimeException {
        AmqpRejectedException(String message) {
            super(message);
        }
    }

    private void declare(String name) {
        if (name == null || SpringRabbitMQHelper.isDefaultExchange(name) || declared.contains(name)) {
            return;
        }
        admin.declareExchange(new ExchangeBuilder(name, getEndpoint().getExchangeType())
                .durable(getEndpoint().isExchangeDurable()).build());
        declared.add(name);
    }
}
