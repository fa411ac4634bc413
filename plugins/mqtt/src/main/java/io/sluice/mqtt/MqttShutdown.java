package io.sluice.mqtt;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a Paho client for good, whatever state it is in. Paho's close alone neither stops an automatic reconnect in
 * progress nor ends a connect under way, and a client that reconnected after its route stopped would hold its
 * client id (and, with a persistent session, its messages) against the next deployment.
 */
final class MqttShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(MqttShutdown.class);
    private static final long DISCONNECT_WAIT_MILLIS = 2_000;

    private MqttShutdown() {
    }

    static void close(MqttAsyncClient client, MqttConnectionOptions options) {
        options.setAutomaticReconnect(false); // Paho reads the options it connected with before each new attempt
        try {
            if (client.isConnected()) {
                client.disconnect(0).waitForCompletion(DISCONNECT_WAIT_MILLIS);
            }
        } catch (MqttException e) {
            LOG.debug("MQTT client {}: disconnect failed: {}", client.getClientId(), e.getMessage());
        }
        try {
            client.disconnectForcibly(0, DISCONNECT_WAIT_MILLIS, false);
        } catch (MqttException alreadyDisconnected) {
            // nothing left to end
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("MQTT client {}: close failed: {}", client.getClientId(), e.getMessage());
        }
    }

    static void close(MqttClient client, MqttConnectionOptions options) {
        options.setAutomaticReconnect(false);
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, DISCONNECT_WAIT_MILLIS);
            }
        } catch (MqttException e) {
            LOG.debug("MQTT client {}: disconnect failed: {}", client.getClientId(), e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("MQTT client {}: close failed: {}", client.getClientId(), e.getMessage());
        }
    }
}
