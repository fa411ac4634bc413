package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.optional;
import static io.sluice.translator.spec.FieldSpec.required;

import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.InputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldSpec;
import io.sluice.translator.spec.FieldType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Bento's {@code mqtt} input as the sluice-mqtt consumer (camel-paho-mqtt5's endpoint and options). At-least-once: a
 * QoS 1 or 2 message is acknowledged to the broker only after the stream's output accepted it; a message the output
 * failed is routed again until it is accepted, and stays unacknowledged meanwhile (so a persistent session,
 * {@code clean_session: false}, gets it again from the broker after a restart). Each message carries Bento's
 * metadata: {@code mqtt_duplicate}, {@code mqtt_qos}, {@code mqtt_retained}, {@code mqtt_topic} and
 * {@code mqtt_message_id}.
 */
public final class MqttInput implements InputTranslator {

    private static final ComponentSpec SPEC = buildSpec();

    /** At most this many QoS 1/2 messages are in flight unacknowledged; the broker holds back the rest. */
    private static final int RECEIVE_MAXIMUM = 64;
    /** MQTT 5's "the session never expires", which is what a 3.1.1 persistent session (clean_session false) is. */
    private static final long SESSION_NEVER_EXPIRES = 0xFFFF_FFFFL;

    private static ComponentSpec buildSpec() {
        List<FieldSpec> fields = new ArrayList<>(MqttFields.client());
        fields.add(required("topics", FieldType.STRING_LIST, "topic filters to subscribe to (+ and # wildcards)"));
        fields.add(optional("qos", FieldType.INT, 1, "QoS of the subscriptions: 0, 1 or 2"));
        fields.add(optional("clean_session", FieldType.BOOL, true,
                "start without the broker's stored session (false resumes it: subscriptions and unacknowledged messages)"));
        fields.add(optional("auto_replay_nacks", FieldType.BOOL, true, "route a message the output rejected again"));
        return new ComponentSpec("mqtt", ComponentKind.INPUT, "Subscribes to topics on MQTT brokers.", fields);
    }

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        MqttFields.check(config, stream);
        List<String> topics = config.stringListRaw("topics");
        if (topics.isEmpty()) {
            stream.problem(config.jsonPath("topics"), "at least one topic is required");
        }
        for (String topic : topics) {
            String why = topicFilterProblem(topic);
            if (why != null) {
                stream.problem(config.jsonPath("topics"), "topic filter '" + topic + "' " + why);
            }
        }
        if (!config.bool("clean_session") && config.string("client_id").isEmpty()) {
            stream.problem(config.jsonPath("client_id"),
                    "clean_session: false resumes the broker's session of this client_id, so it needs one");
        }
    }

    @Override
    public String endpointUri(ComponentConfig config, StreamContext stream) {
        boolean clean = config.bool("clean_session");
        return MqttFields.endpoint(config, stream)
                .option("topics", config.stringListRaw("topics").stream()
                        .map(t -> URLEncoder.encode(t, StandardCharsets.UTF_8)).collect(Collectors.joining(",")))
                .option("cleanStart", clean)
                .option("sessionExpiryInterval", clean ? null : SESSION_NEVER_EXPIRES)
                .option("receiveMaximum", RECEIVE_MAXIMUM)
                .option("redeliver", config.bool("auto_replay_nacks"))
                .toString();
    }

    /** Null when {@code topic} is a valid MQTT topic filter, else why not. */
    static String topicFilterProblem(String topic) {
        if (topic.isEmpty()) {
            return "is empty";
        }
        String[] levels = topic.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return "may only use '#' as its whole last level";
            }
            if (level.contains("+") && !level.equals("+")) {
                return "may only use '+' as a whole level";
            }
        }
        return null;
    }
}
