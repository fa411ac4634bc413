package io.sluice.runtime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A test's own Mosquitto (Debian {@code mosquitto}) on a free loopback port, configured by a file in its folder, and
 * plain Paho clients to publish and subscribe with, as any MQTT device would.
 */
final class Mosquitto implements AutoCloseable {

    private final ServerProcess server;
    private final String user;
    private final String password;

    private Mosquitto(ServerProcess server, String user, String password) {
        this.server = server;
        this.user = user;
        this.password = password;
    }

    /** A broker that lets anyone in. */
    static Mosquitto start() throws Exception {
        return new Mosquitto(ServerProcess.start("mosquitto", "/usr/sbin/mosquitto",
                (port, dir) -> config(port, dir, "allow_anonymous true")), null, null);
    }

    /** A broker that lets only {@code user} in, checked against a password file made with mosquitto_passwd. */
    static Mosquitto startWithUser(String user, String password) throws Exception {
        return new Mosquitto(ServerProcess.start("mosquitto", "/usr/sbin/mosquitto", (port, dir) -> {
            Path passwords = dir.resolve("passwords");
            Process p = new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwords.toString(), user, password)
                    .redirectErrorStream(true).start();
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new java.io.IOException("mosquitto_passwd failed: "
                            + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.IOException(e);
            }
            return config(port, dir, "allow_anonymous false\npassword_file " + passwords);
        }), user, password);
    }

    private static List<String> config(int port, Path dir, String access) throws java.io.IOException {
        Path conf = dir.resolve("mosquitto.conf");
        // run as whoever runs the tests: as root, Mosquitto would switch to a user that cannot read this folder
        Files.writeString(conf, "user " + System.getProperty("user.name") + "\nlistener " + port + " 127.0.0.1\n"
                + access + "\npersistence false\n");
        return List.of("-c", conf.toString());
    }

    int port() {
        return server.port();
    }

    String url() {
        return "tcp://127.0.0.1:" + port();
    }

    /** A connected subscriber (QoS 1) to {@code topicFilter}, with the broker's user if it has one. */
    Subscriber subscribe(String topicFilter) throws MqttException {
        return new Subscriber(connect(), topicFilter);
    }

    /** Publishes and returns once the broker acknowledged (QoS 1 and 2). */
    void publish(String topic, String payload, int qos) throws MqttException {
        MqttClient client = connect();
        try {
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false);
            client.disconnect();
        } finally {
            client.close();
        }
    }

    private MqttClient connect() throws MqttException {
        MqttClient client = new MqttClient(url(), "test-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        client.setTimeToWait(10_000);
        client.connect(options);
        return client;
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }

    /** One message as a subscriber saw it. */
    record Received(String topic, String payload, boolean retained, int qos) {
    }

    /** Every message on its topic filter lands in {@link #messages}. */
    static final class Subscriber implements AutoCloseable, MqttCallback {
        final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();
        private final MqttClient client;

        private Subscriber(MqttClient client, String topicFilter) throws MqttException {
            this.client = client;
            client.setCallback(this);
            client.subscribe(topicFilter, 1);
        }

        Received next() throws InterruptedException {
            return messages.poll(20, TimeUnit.SECONDS);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            messages.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                    message.isRetained(), message.getQos()));
        }

        @Override
        public void close() throws MqttException {
            try {
                if (client.isConnected()) {
                    client.disconnect();
                }
            } finally {
                client.close();
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
