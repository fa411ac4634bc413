package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.object;
import static io.sluice.translator.spec.FieldSpec.optional;
import static io.sluice.translator.spec.FieldSpec.required;

import io.sluice.translator.EndpointUri;
import io.sluice.translator.StreamContext;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.FieldSpec;
import io.sluice.translator.spec.FieldType;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The connection fields Bento's mqtt input and output share, their checks, and the sluice-mqtt endpoint options
 * they become (camel-paho-mqtt5's option names). Bento speaks MQTT 3.1.1; Sluice speaks MQTT 5, which Mosquitto
 * (1.6 on), EMQX, HiveMQ, VerneMQ and RabbitMQ (3.13 on) serve on the same port; a broker that speaks only 3.1.1
 * refuses the connection.
 */
final class MqttFields {

    /** The sluice-mqtt Camel component (plugins/mqtt): camel-paho-mqtt5's endpoint with Sluice's consumer and producer. */
    static final String SCHEME = "sluice-mqtt";

    /** URL schemes Bento's Paho client accepts, as the Java Paho client spells them. */
    private static final Map<String, String> SCHEMES = Map.of("tcp", "tcp", "mqtt", "tcp", "ssl", "ssl", "tls", "ssl",
            "mqtts", "ssl", "tcps", "ssl", "ws", "ws", "wss", "wss");
    private static final String NANOID_ALPHABET = "_-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Paho's reconnect pause doubles from 1 s; capped so that a broker back from a restart is found soon. */
    private static final long MAX_RECONNECT_DELAY_MILLIS = 10_000;

    private MqttFields() {
    }

    static List<FieldSpec> client() {
        return List.of(
                required("urls", FieldType.STRING_LIST, "broker URLs, e.g. [\"tcp://localhost:1883\"]"),
                optional("client_id", FieldType.STRING, "", "client identifier (generated when empty)"),
                optional("dynamic_client_id_suffix", FieldType.STRING, null,
                        "'nanoid' appends a random 21-character suffix to client_id"),
                optional("connect_timeout", FieldType.DURATION, "30s", "how long connecting may take"),
                object("will", "last will message, published by the broker when the client vanishes",
                        optional("enabled", FieldType.BOOL, false, "register a last will"),
                        optional("qos", FieldType.INT, 0, "QoS of the last will"),
                        optional("retained", FieldType.BOOL, false, "retain the last will"),
                        optional("topic", FieldType.STRING, "", "topic of the last will"),
                        optional("payload", FieldType.STRING, "", "payload of the last will")),
                optional("user", FieldType.STRING, "", "user name"),
                optional("password", FieldType.STRING, "", "password"),
                optional("keepalive", FieldType.INT, 30, "seconds of silence before a keepalive ping"),
                TlsField.notYetActedOn("TLS settings arrive with the connectors work; ssl:// and mqtts:// urls use the"
                        + " JVM's trusted certificates"));
    }

    static void check(ComponentConfig config, StreamContext stream) {
        List<String> urls = config.stringList("urls");
        if (urls.isEmpty()) {
            stream.problem(config.jsonPath("urls"), "at least one broker URL is required");
        }
        for (String url : urls) {
            String why = brokerUrlProblem(url);
            if (why != null) {
                stream.problem(config.jsonPath("urls"), why);
            }
        }
        HttpServerOutput.oneOf(config, "dynamic_client_id_suffix", Set.of("", "nanoid"), stream);
        qos(config, "qos", stream);
        ComponentConfig will = config.object("will");
        qos(will, "qos", stream);
        if (will.bool("enabled") && will.string("topic").isEmpty()) {
            stream.problem(will.jsonPath("topic"), "a last will needs a topic");
        }
        if (config.integer("keepalive") < 0) {
            stream.problem(config.jsonPath("keepalive"), "keepalive must not be negative");
        }
        if (config.duration("connect_timeout").isNegative() || config.duration("connect_timeout").isZero()) {
            stream.problem(config.jsonPath("connect_timeout"), "connect_timeout must be positive");
        }
    }

    /** The endpoint URI with the connection options; the caller adds its own. */
    static EndpointUri endpoint(ComponentConfig config, StreamContext stream) {
        List<String> urls = new ArrayList<>();
        config.stringList("urls").forEach(u -> urls.add(brokerUrl(u)));
        ComponentConfig will = config.object("will");
        EndpointUri uri = EndpointUri.of(SCHEME, stream.apiId() + "/" + stream.streamName())
                .option("brokerUrl", urls.get(0))
                // Paho tries these in turn when connecting
                .option("serverURIs", urls.size() > 1 ? String.join(",", urls) : null)
                .option("clientId", clientId(config))
                .option("qos", config.integer("qos"))
                .option("connectionTimeout", Math.max(1, (config.duration("connect_timeout").toMillis() + 999) / 1000))
                .option("keepAliveInterval", config.integer("keepalive"))
                .option("automaticReconnect", true)
                .option("maxReconnectDelay", MAX_RECONNECT_DELAY_MILLIS);
        if (!config.string("user").isEmpty()) {
            uri.option("userName", config.string("user")).option("password", config.string("password"));
        }
        if (will.bool("enabled")) {
            uri.option("willTopic", will.string("topic"))
                    .option("willPayload", will.string("payload"))
                    .option("willQos", will.integer("qos"))
                    .option("willRetained", will.bool("retained"));
        }
        return uri;
    }

    /** The Java Paho form of a Bento broker URL ({@code mqtt://h:1883} is {@code tcp://h:1883}; no scheme is tcp). */
    static String brokerUrl(String url) {
        int sep = url.indexOf("://");
        String scheme = sep < 0 ? "tcp" : SCHEMES.get(url.substring(0, sep).toLowerCase(Locale.ROOT));
        String rest = sep < 0 ? url : url.substring(sep + 3);
        if (rest.endsWith("/") && !scheme.startsWith("ws")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return scheme + "://" + rest;
    }

    private static String brokerUrlProblem(String url) {
        int sep = url.indexOf("://");
        if (sep >= 0 && !SCHEMES.containsKey(url.substring(0, sep).toLowerCase(Locale.ROOT))) {
            return "broker URL '" + url + "' has an unsupported scheme; use one of " + new java.util.TreeSet<>(SCHEMES.keySet());
        }
        try {
            URI parsed = new URI(brokerUrl(url));
            if (parsed.getHost() == null) {
                return "broker URL '" + url + "' names no host, e.g. tcp://localhost:1883";
            }
        } catch (URISyntaxException e) {
            return "broker URL '" + url + "' is not a URL: " + e.getReason();
        }
        return null;
    }

    private static void qos(ComponentConfig config, String field, StreamContext stream) {
        int qos = config.integer(field);
        if (qos < 0 || qos > 2) {
            stream.problem(config.jsonPath(field), field + " must be 0, 1 or 2, got " + qos);
        }
    }

    /** client_id, with Bento's random suffix, made once per deployment; empty lets the component generate one. */
    private static String clientId(ComponentConfig config) {
        String id = config.string("client_id");
        if (!"nanoid".equals(config.string("dynamic_client_id_suffix"))) {
            return id.isEmpty() ? null : id;
        }
        StringBuilder s = new StringBuilder(id);
        for (int i = 0; i < 21; i++) {
            s.append(NANOID_ALPHABET.charAt(RANDOM.nextInt(NANOID_ALPHABET.length())));
        }
        return s.toString();
    }

    /** How long a publish may wait: Bento's write_timeout, within the time an HTTP producer waits for its answer. */
    static long publishTimeoutMillis(Duration writeTimeout, StreamContext stream) {
        long ms = writeTimeout.toMillis();
        if (stream.requestTimeout() != null) {
            // fail with 503 before the HTTP input's own timeout answers 408
            ms = Math.min(ms, stream.requestTimeout().toMillis() * 8 / 10);
        }
        return Math.max(ms, 100);
    }
}
