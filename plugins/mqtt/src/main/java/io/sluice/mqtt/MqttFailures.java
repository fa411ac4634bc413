package io.sluice.mqtt;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Paho's failures in words an operator or an HTTP producer can act on. A broker that cannot be reached (or did not
 * answer in time) becomes a {@link ConnectException} or {@link TimeoutException}, which the HTTP input answers with
 * 503; a broker that refused becomes an {@link IllegalStateException} (502).
 */
final class MqttFailures {

    /** Paho's own reason codes for a client that lost or never had its connection, or waited too long. */
    private static final int CLIENT_TIMEOUT = 32000;
    private static final int SERVER_CONNECT_ERROR = 32103;
    private static final int CLIENT_NOT_CONNECTED = 32104;
    private static final int CONNECTION_LOST = 32109;

    private MqttFailures() {
    }

    static Exception connect(MqttEndpoint endpoint, String clientId, MqttException e) {
        return new IllegalStateException("cannot connect to the MQTT broker " + endpoint.brokers() + " as client '"
                + clientId + "': " + reason(e), e);
    }

    static Exception subscribe(MqttEndpoint endpoint, String topic, int reasonCode) {
        return new IllegalStateException("the MQTT broker " + endpoint.brokers() + " refused the subscription to '"
                + topic + "' (reason code " + reasonCode + ")");
    }

    static Exception publish(MqttEndpoint endpoint, String topic, MqttException e) {
        String what = "MQTT broker " + endpoint.brokers() + ", topic '" + topic + "': " + reason(e);
        return switch (e.getReasonCode()) {
            case CLIENT_TIMEOUT -> withCause(new TimeoutException("no acknowledgement in time from the " + what), e);
            case SERVER_CONNECT_ERROR, CLIENT_NOT_CONNECTED, CONNECTION_LOST ->
                    withCause(new ConnectException("not connected to the " + what), e);
            default -> new IllegalStateException("the " + what, e);
        };
    }

    /** Paho's message, its reason code, and the network error behind it when there is one. */
    static String reason(MqttException e) {
        String text = e.getMessage() == null ? "error" : e.getMessage().replaceAll("\\.$", "");
        String cause = e.getCause() == null || e.getCause().getMessage() == null ? "" : ": " + e.getCause().getMessage();
        return text + " (reason code " + e.getReasonCode() + ")" + cause;
    }

    private static <T extends Exception> T withCause(T failure, Throwable cause) {
        failure.initCause(cause);
        return failure;
    }
}
