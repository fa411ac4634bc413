package io.sluice.mqtt;

import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to the endpoint's topic filters and routes each message, acknowledging it to the broker (PUBACK, or
 * PUBREC for QoS 2) only once its exchange completed without failure. A message the route failed is not
 * acknowledged and is routed again, with a growing pause, until it succeeds (Bento's {@code auto_replay_nacks});
 * the broker itself would resend it only after a reconnect into a persistent session. The consumer of
 * camel-paho-mqtt5 subscribes one topic filter and, with {@code manualAcksEnabled}, only holds back the
 * acknowledgement of a failed message, so that message would wait until the next reconnect, or forever.
 *
 * <p>The broker sends at most the connection's {@code receiveMaximum} messages without their acknowledgement, so a
 * failing output holds the input back. An acknowledgement is only sent on the connection the message came on: after
 * a reconnect the packet id may name another message.
 */
final class MqttSubscriber extends DefaultConsumer implements MqttCallback {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSubscriber.class);
    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long MAX_PAUSE_MILLIS = 5_000;
    /** MQTT 5 subscription option: send retained messages only for a subscription the session did not have yet. */
    private static final int RETAINED_FOR_NEW_SUBSCRIPTIONS = 1;

    /** Bumped on every reconnect; a delivery acknowledges only on the connection it came from. */
    private final AtomicInteger connection = new AtomicInteger();
    private volatile MqttAsyncClient client;
    private MqttConnectionOptions options;
    private volatile ScheduledExecutorService redelivery;

    MqttSubscriber(MqttEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public MqttEndpoint getEndpoint() {
        return (MqttEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MqttEndpoint endpoint = getEndpoint();
        redelivery = endpoint.getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "MqttRedelivery");
        String clientId = endpoint.clientId();
        MqttAsyncClient c = new MqttAsyncClient(endpoint.getConfiguration().getBrokerUrl(), clientId,
                endpoint.persistence());
        c.setManualAcks(true);
        c.setCallback(this); // before connecting: a persistent session's messages may follow the CONNACK at once
        client = c;
        options = endpoint.connectionOptions();
        long wait = TimeUnit.SECONDS.toMillis(endpoint.getConfiguration().getConnectionTimeout()) + 5_000;
        try {
            c.connect(options).waitForCompletion(wait);
            IMqttToken subscribed = c.subscribe(subscriptions(), null, null, new MqttProperties());
            subscribed.waitForCompletion(wait);
            int[] codes = subscribed.getReasonCodes();
            List<String> topics = endpoint.getTopicFilters();
            for (int i = 0; codes != null && i < codes.length && i < topics.size(); i++) {
                if (codes[i] >= 0x80) {
                    throw MqttFailures.subscribe(endpoint, topics.get(i), codes[i]);
                }
            }
        } catch (MqttException e) {
            stopAll();
            throw MqttFailures.connect(endpoint, clientId, e);
        } catch (Exception e) {
            stopAll();
            throw e;
        }
    }

    @Override
    protected void doStop() throws Exception {
        stopAll();
        super.doStop();
    }

    /**
     * Messages still in flight or waiting for redelivery stay unacknowledged: the broker keeps them in a persistent
     * session and sends them again on the next connection.
     */
    private void stopAll() {
        ScheduledExecutorService scheduler = redelivery;
        redelivery = null;
        if (scheduler != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
        }
        MqttAsyncClient c = client;
        client = null;
        if (c != null) {
            MqttShutdown.close(c, options);
        }
    }

    private MqttSubscription[] subscriptions() {
        int qos = getEndpoint().getConfiguration().getQos();
        return getEndpoint().getTopicFilters().stream().map(topic -> {
            MqttSubscription s = new MqttSubscription(topic, qos);
            s.setRetainHandling(RETAINED_FOR_NEW_SUBSCRIPTIONS);
            return s;
        }).toArray(MqttSubscription[]::new);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        deliver(new Delivery(topic, message, connection.get()), 0);
    }

    private void deliver(Delivery delivery, int attempt) {
        if (!isRunAllowed()) {
            return;
        }
        Exchange exchange = createExchange(false);
        MqttMessage m = delivery.message;
        exchange.getIn().setBody(m.getPayload());
        Map<String, Object> metadata = exchange.getIn().getHeaders();
        metadata.put("mqtt_duplicate", String.valueOf(m.isDuplicate()));
        metadata.put("mqtt_qos", String.valueOf(m.getQos()));
        metadata.put("mqtt_retained", String.valueOf(m.isRetained()));
        metadata.put("mqtt_topic", delivery.topic);
        metadata.put("mqtt_message_id", String.valueOf(m.getId()));
        getAsyncProcessor().process(exchange, doneSync -> completed(exchange, delivery, attempt));
    }

    private void completed(Exchange exchange, Delivery delivery, int attempt) {
        Exception failure = exchange.getException();
        releaseExchange(exchange, false);
        if (failure == null) {
            acknowledge(delivery);
            if (attempt > 0) {
                LOG.info("Route {}: message on '{}' accepted after {} redeliveries", getRouteId(), delivery.topic,
                        attempt);
            }
            return;
        }
        if (!getEndpoint().isRedeliver()) {
            LOG.warn("Route {}: message on '{}' not accepted, left unacknowledged: {}", getRouteId(), delivery.topic,
                    failure.getMessage());
            return;
        }
        if (attempt == 0) {
            LOG.warn("Route {}: message on '{}' not accepted, routing it again until it is: {}", getRouteId(),
                    delivery.topic, failure.getMessage());
        } else {
            LOG.debug("Route {}: redelivery {} of a message on '{}' failed: {}", getRouteId(), attempt, delivery.topic,
                    failure.getMessage());
        }
        long pause = Math.min(MAX_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(attempt, 16));
        ScheduledExecutorService scheduler = redelivery;
        if (scheduler == null || !isRunAllowed()) {
            return; // stopping: left unacknowledged
        }
        try {
            scheduler.schedule(() -> deliver(delivery, attempt + 1), pause, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // stopping: left unacknowledged
        }
    }

    private void acknowledge(Delivery delivery) {
        int qos = delivery.message.getQos();
        MqttAsyncClient c = client;
        if (qos == 0 || c == null) {
            return;
        }
        if (delivery.connection != connection.get()) {
            LOG.debug("Route {}: message on '{}' came on an earlier connection; not acknowledged", getRouteId(),
                    delivery.topic);
            return;
        }
        try {
            c.messageArrivedComplete(delivery.message.getId(), qos);
        } catch (MqttException e) {
            LOG.debug("Route {}: acknowledgement not sent: {}", getRouteId(), e.getMessage());
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        if (!reconnect) {
            return;
        }
        connection.incrementAndGet();
        LOG.info("Route {}: reconnected to MQTT broker {}", getRouteId(), serverURI);
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        try {
            // A clean session forgot the subscriptions; a persistent one keeps them and ignores the repeat. Waiting
            // here would block Paho's callback thread, which completes the token.
            c.subscribe(subscriptions(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    LOG.debug("Route {}: subscribed again", getRouteId());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    LOG.error("Route {}: could not subscribe again after reconnecting: {}", getRouteId(),
                            e.getMessage());
                }
            }, new MqttProperties());
        } catch (MqttException e) {
            LOG.error("Route {}: could not subscribe again after reconnecting: {}", getRouteId(), e.getMessage());
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        if (isRunAllowed()) {
            LOG.warn("Route {}: disconnected from MQTT broker {} ({}); reconnecting", getRouteId(),
                    getEndpoint().brokers(), response.getException() == null ? response.getReasonString()
                            : response.getException().getMessage());
        }
    }

    @Override
    public void mqttErrorOccurred(MqttException e) {
        LOG.warn("Route {}: MQTT error: {}", getRouteId(), MqttFailures.reason(e));
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // this client only subscribes
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }

    /** One received message, with the connection it came on. */
    private record Delivery(String topic, MqttMessage message, int connection) {
    }
}
