package io.sluice.mqtt;

import java.util.List;
import java.util.UUID;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Configuration;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Endpoint;
import org.eclipse.paho.mqttv5.client.MqttClientPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/** camel-paho-mqtt5's endpoint and options, made by {@link MqttComponent}, with Sluice's consumer and producer. */
public class MqttEndpoint extends PahoMqtt5Endpoint {

    private List<String> topicFilters = List.of();
    private boolean redeliver = true;
    private int maxInFlight = 64;
    private long publishTimeoutMillis = 3000;

    MqttEndpoint(String uri, String topic, MqttComponent component, PahoMqtt5Configuration configuration) {
        super(uri, topic, component, configuration);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        MqttSubscriber consumer = new MqttSubscriber(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        return new MqttPublisher(this);
    }

    MqttConnectionOptions connectionOptions() {
        return createMqttConnectionOptions();
    }

    MqttClientPersistence persistence() {
        return createMqttClientPersistence(getConfiguration());
    }

    /** The configured client id, or a generated one: each connection to a broker needs its own. */
    String clientId() {
        String id = getConfiguration().getClientId();
        return id == null || id.isEmpty() ? "sluice-" + UUID.randomUUID() : id;
    }

    /** The broker (or brokers, tried in turn) for messages: {@code tcp://host:1883}. */
    String brokers() {
        String uris = getConfiguration().getServerURIs();
        return uris == null || uris.isEmpty() ? getConfiguration().getBrokerUrl() : uris;
    }

    /** The consumer's topic filters (one SUBSCRIBE for all of them). */
    public List<String> getTopicFilters() {
        return topicFilters;
    }

    public void setTopicFilters(List<String> topicFilters) {
        this.topicFilters = List.copyOf(topicFilters);
    }

    /** Whether the consumer delivers a message the route failed again itself (Bento's auto_replay_nacks). */
    public boolean isRedeliver() {
        return redeliver;
    }

    public void setRedeliver(boolean redeliver) {
        this.redeliver = redeliver;
    }

    /** Publishes waiting for the broker at once, at most (Bento's max_in_flight). */
    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    /** How long one publish may wait for its turn and for the broker's acknowledgement. */
    public long getPublishTimeoutMillis() {
        return publishTimeoutMillis;
    }

    public void setPublishTimeoutMillis(long publishTimeoutMillis) {
        this.publishTimeoutMillis = publishTimeoutMillis;
    }
}
