package io.sluice.amqp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.springrabbit.SpringRabbitMQEndpoint;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AMQP 0.9 endpoint with a connection of its own, built from Bento's {@code urls} when first needed and closed
 * when the endpoint stops (its route removed).
 * As a consumer it declares what Bento's {@code queue_declare} and {@code bindings_declare} ask for, and
 * acknowledges each message itself ({@link AcknowledgingListener}); as a producer it waits for the broker's
 * publisher confirm.
 */
public class AmqpEndpoint extends SpringRabbitMQEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(AmqpEndpoint.class);

    private CachingConnectionFactory connectionFactory;
    private NackPolicy nackPolicy;
    private ScheduledExecutorService requeues;
    private boolean autoAck;
    private boolean mandatory;
    private String urls;
    private boolean queueDeclare;
    private boolean queueDurable = true;
    private boolean queueAutoDelete;
    private String bindings = "[]";
    private String consumerTag = "";
    private String nackRejectPatterns = "[]";
    private long redeliveryDelayMillis = 1000;
    private boolean declareExchange;
    private boolean exchangeDurable = true;
    private long connectionTimeoutMillis = 10_000;

    AmqpEndpoint(String uri, AmqpComponent component, String exchange) {
        super(uri, component, exchange);
        // camel-spring-rabbitmq's component fills these in; this component builds its endpoints itself
        setConcurrentConsumers(1);
        setPrefetchCount(10);
        setMessageListenerContainerType("DMLC");
        // Bento's input never answers a message's reply_to, nor does its output wait for a reply
        setDisableReplyTo(true);
        // the listener never throws (it acknowledges by itself): no retries in the container
        setMaximumRetryAttempts(0);
        setRejectAndDontRequeue(false);
    }

    /** Built on first use (whichever of endpoint, consumer or producer starts first), closed when the endpoint stops. */
    @Override
    public synchronized ConnectionFactory getConnectionFactory() {
        if (connectionFactory == null) {
            connectionFactory = connectionFactory();
        }
        return connectionFactory;
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        synchronized (this) {
            if (requeues != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(requeues); // their channels are closing too
                requeues = null;
            }
            if (connectionFactory != null) {
                connectionFactory.destroy();
                connectionFactory = null;
            }
        }
    }

    /** Acknowledged by hand ({@link AcknowledgingListener}), or by the broker on delivery with Bento's auto_ack. */
    @Override
    public AcknowledgeMode getAcknowledgeMode() {
        return autoAck ? AcknowledgeMode.NONE : AcknowledgeMode.MANUAL;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        AmqpConsumer consumer = new AmqpConsumer(this, processor, createMessageListenerContainer());
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * Requeues a delivery after the redelivery delay, without holding the listener thread meanwhile (a stopping route
     * need not wait for it). The message stays unacknowledged, so it counts against the prefetch and the consumer
     * cannot run ahead; should the channel close first (the route stopped), the broker requeues it anyway.
     */
    void requeueLater(Channel channel, long deliveryTag) {
        ScheduledExecutorService scheduler;
        synchronized (this) {
            if (requeues == null) {
                requeues = getCamelContext().getExecutorServiceManager()
                        .newSingleThreadScheduledExecutor(this, "amqp-requeue");
            }
            scheduler = requeues;
        }
        scheduler.schedule(() -> {
            try {
                channel.basicNack(deliveryTag, false, true);
            } catch (IOException | ShutdownSignalException e) {
                LOG.debug("AMQP requeue of delivery {} not sent ({}); the closed channel requeued it", deliveryTag,
                        e.getMessage());
            }
        }, redeliveryDelayMillis, TimeUnit.MILLISECONDS);
    }

    synchronized NackPolicy nackPolicy() {
        if (nackPolicy == null) {
            nackPolicy = new NackPolicy(patterns());
        }
        return nackPolicy;
    }

    /** Declarations only when Bento's input asks for some (camel-spring-rabbitmq would declare by default). */
    @Override
    public boolean isAutoDeclare() {
        return queueDeclare || !bindingList().isEmpty();
    }

    /** With Bento's {@code mandatory}, the broker returns a message no queue takes, and that fails it. */
    @Override
    public RabbitTemplate createInOnlyTemplate() {
        RabbitTemplate template = super.createInOnlyTemplate();
        template.setMandatory(mandatory);
        if (mandatory) {
            // a return is read from the message's correlation; this only stops the template warning about it
            template.setReturnsCallback(returned -> { });
        }
        return template;
    }

    @Override
    public Producer createProducer() {
        return new AmqpPublisher(this);
    }

    /** Bento's declarations for the consumed queue, instead of camel-spring-rabbitmq's exchange-queue-key trio. */
    @Override
    public void declareElements(AbstractMessageListenerContainer container, AmqpAdmin admin) {
        String queue = getQueues();
        if (queueDeclare) {
            admin.declareQueue(new Queue(queue, queueDurable, false, queueAutoDelete));
        }
        for (Map<String, String> b : bindingList()) {
            admin.declareBinding(new Binding(queue, Binding.DestinationType.QUEUE, b.getOrDefault("exchange", ""),
                    b.getOrDefault("key", ""), null));
        }
    }

    /** The first URL gives the credentials and virtual host; every URL's host and port is tried in turn. */
    private CachingConnectionFactory connectionFactory() {
        List<String> list = new ArrayList<>();
        for (String u : urls.split(",")) {
            if (!u.isBlank()) {
                list.add(u.trim());
            }
        }
        URI first = URI.create(list.get(0));
        CachingConnectionFactory factory = new CachingConnectionFactory(first);
        if (first.getPath() == null || first.getPath().isEmpty() || first.getPath().equals("/")) {
            // amqp://host:5672/ means the default virtual host "/" to Bento's Go client; the Java client reads ""
            factory.setVirtualHost("/");
        }
        List<String> addresses = new ArrayList<>();
        for (String u : list) {
            URI uri = URI.create(u);
            addresses.add(uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : defaultPort(uri)));
        }
        factory.setAddresses(String.join(",", addresses));
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        factory.setPublisherReturns(mandatory);
        factory.setConnectionNameStrategy(f -> "sluice");
        factory.setConnectionTimeout((int) connectionTimeoutMillis);
        return factory;
    }

    private static int defaultPort(URI uri) {
        return "amqps".equalsIgnoreCase(uri.getScheme()) ? 5671 : 5672;
    }

    private List<Map<String, String>> bindingList() {
        try {
            return JSON.readValue(bindings, new TypeReference<>() { });
        } catch (Exception e) {
            throw new IllegalArgumentException("bindings must be a JSON list of {exchange, key}: " + bindings, e);
        }
    }

    private List<Pattern> patterns() {
        try {
            List<Pattern> out = new ArrayList<>();
            for (String p : JSON.readValue(nackRejectPatterns, new TypeReference<List<String>>() { })) {
                out.add(Pattern.compile(p));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalArgumentException("nackRejectPatterns must be a JSON list of regular expressions: "
                    + nackRejectPatterns, e);
        }
    }

    public boolean isMandatory() {
        return mandatory;
    }

    public void setMandatory(boolean mandatory) {
        this.mandatory = mandatory;
    }

    public boolean isAutoAck() {
        return autoAck;
    }

    public void setAutoAck(boolean autoAck) {
        this.autoAck = autoAck;
    }

    public String getUrls() {
        return urls;
    }

    public void setUrls(String urls) {
        this.urls = urls;
    }

    public boolean isQueueDeclare() {
        return queueDeclare;
    }

    public void setQueueDeclare(boolean queueDeclare) {
        this.queueDeclare = queueDeclare;
    }

    public boolean isQueueDurable() {
        return queueDurable;
    }

    public void setQueueDurable(boolean queueDurable) {
        this.queueDurable = queueDurable;
    }

    public boolean isQueueAutoDelete() {
        return queueAutoDelete;
    }

    public void setQueueAutoDelete(boolean queueAutoDelete) {
        this.queueAutoDelete = queueAutoDelete;
    }

    public String getBindings() {
        return bindings;
    }

    public void setBindings(String bindings) {
        this.bindings = bindings;
    }

    public String getConsumerTag() {
        return consumerTag;
    }

    public void setConsumerTag(String consumerTag) {
        this.consumerTag = consumerTag;
    }

    public String getNackRejectPatterns() {
        return nackRejectPatterns;
    }

    public void setNackRejectPatterns(String nackRejectPatterns) {
        this.nackRejectPatterns = nackRejectPatterns;
    }

    public long getRedeliveryDelayMillis() {
        return redeliveryDelayMillis;
    }

    public void setRedeliveryDelayMillis(long redeliveryDelayMillis) {
        this.redeliveryDelayMillis = redeliveryDelayMillis;
    }

    public boolean isDeclareExchange() {
        return declareExchange;
    }

    public void setDeclareExchange(boolean declareExchange) {
        this.declareExchange = declareExchange;
    }

    public boolean isExchangeDurable() {
        return exchangeDurable;
    }

    public void setExchangeDurable(boolean exchangeDurable) {
        this.exchangeDurable = exchangeDurable;
    }

    public long getConnectionTimeoutMillis() {
        return connectionTimeoutMillis;
    }

    public void setConnectionTimeoutMillis(long connectionTimeoutMillis) {
        this.connectionTimeoutMillis = connectionTimeoutMillis;
    }
}
