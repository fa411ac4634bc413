package io.sluice.mqtt;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Constants;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Producer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * camel-paho-mqtt5's producer (one publish per exchange, done when the broker acknowledged it: PUBACK for QoS 1,
 * PUBCOMP for QoS 2), on a client connected here so that each publish waits at most
 * {@link MqttEndpoint#getPublishTimeoutMillis()} and never more publishes are in flight than the broker's receive
 * window and {@code maxInFlight} allow (Paho refuses the one over the window instead of waiting).
 */
final class MqttPublisher extends PahoMqtt5Producer {

    /** MQTT 5's receive window when the broker names none. */
    private static final int UNLIMITED_WINDOW = 65_535;

    private MqttClient connection;
    private MqttConnectionOptions connectionOptions;
    private Semaphore inFlight;

    MqttPublisher(MqttEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MqttEndpoint getEndpoint() {
        return (MqttEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        MqttEndpoint endpoint = getEndpoint();
        String clientId = endpoint.clientId();
        MqttClient client = new MqttClient(endpoint.getConfiguration().getBrokerUrl(), clientId, endpoint.persistence());
        MqttConnectionOptions options = endpoint.connectionOptions();
        IMqttToken connected;
        try {
            connected = client.connectWithResult(options);
        } catch (MqttException e) {
            MqttShutdown.close(client, options);
            throw MqttFailures.connect(endpoint, clientId, e);
        }
        client.setTimeToWait(endpoint.getPublishTimeoutMillis());
        MqttProperties connack = connected.getResponseProperties();
        Integer window = connack == null ? null : connack.getReceiveMaximum();
        inFlight = new Semaphore(Math.min(endpoint.getMaxInFlight(), window == null ? UNLIMITED_WINDOW : window));
        connection = client;
        connectionOptions = options;
        setClient(client); // the parent publishes through it and leaves connecting and closing to us
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        MqttClient client = connection;
        connection = null;
        if (client != null) {
            MqttShutdown.close(client, connectionOptions);
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        MqttEndpoint endpoint = getEndpoint();
        String topic = exchange.getIn().getHeader(PahoMqtt5Constants.CAMEL_PAHO_OVERRIDE_TOPIC, endpoint.getTopic(),
                String.class);
        if (!inFlight.tryAcquire(endpoint.getPublishTimeoutMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("MQTT broker " + endpoint.brokers() + ", topic '" + topic + "': no room for"
                    + " another publish in flight within " + endpoint.getPublishTimeoutMillis() + " ms");
        }
        try {
            super.process(exchange);
        } catch (MqttException e) {
            throw MqttFailures.publish(endpoint, topic, e);
        } finally {
            inFlight.release();
        }
    }
}
