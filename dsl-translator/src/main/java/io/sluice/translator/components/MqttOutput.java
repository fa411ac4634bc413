package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.optional;
import static io.sluice.translator.spec.FieldSpec.required;

import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.OutputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldSpec;
import io.sluice.translator.spec.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.camel.Expression;
import org.apache.camel.model.ProcessorDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bento's {@code mqtt} output as the sluice-mqtt producer (camel-paho-mqtt5's): a message is done when the broker
 * acknowledged it (PUBACK for QoS 1, PUBCOMP for QoS 2; written, for QoS 0), so an HTTP producer gets 200 only then,
 * and 503 when the broker is unreachable or silent within {@code write_timeout} (and the HTTP input's timeout).
 * {@code topic} and {@code retained_interpolated} may be {@code ${! }} interpolations, rendered per message.
 */
public final class MqttOutput implements OutputTranslator {

    private static final Logger LOG = LoggerFactory.getLogger(MqttOutput.class);
    private static final ComponentSpec SPEC = buildSpec();

    /** camel-paho-mqtt5's headers for a message's topic and retained flag (PahoMqtt5Constants). */
    private static final String TOPIC = "CamelPahoMqtt5OverrideTopic";
    private static final String RETAINED = "CamelPahoMqtt5Retained";
    private static final String HEADER_PREFIX = "CamelPahoMqtt5";
    /** Go's strconv.ParseBool, which Bento reads retained_interpolated with. */
    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

    private static ComponentSpec buildSpec() {
        List<FieldSpec> fields = new ArrayList<>(MqttFields.client());
        fields.add(required("topic", FieldType.STRING, "topic to publish to; may be a ${! } interpolation"));
        fields.add(optional("qos", FieldType.INT, 1, "QoS of each message: 0, 1 or 2"));
        fields.add(optional("write_timeout", FieldType.DURATION, "3s", "how long a publish may wait for the broker"));
        fields.add(optional("retained", FieldType.BOOL, false, "publish retained messages"));
        fields.add(optional("retained_interpolated", FieldType.STRING, null,
                "overrides retained per message; must render true or false"));
        fields.add(optional("max_in_flight", FieldType.INT, 64, "publishes waiting for the broker at once"));
        return new ComponentSpec("mqtt", ComponentKind.OUTPUT, "Publishes messages to an MQTT broker.", fields);
    }

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        MqttFields.check(config, stream);
        String topic = config.string("topic");
        if (topic.isEmpty()) {
            stream.problem(config.jsonPath("topic"), "topic must not be empty");
        } else if (Mappings.interpolation(config, "topic", stream) == null && (topic.contains("+") || topic.contains("#"))) {
            stream.problem(config.jsonPath("topic"), "a message cannot be published to a topic with wildcards ('"
                    + topic + "')");
        }
        Mappings.interpolation(config, "retained_interpolated", stream);
        if (config.integer("max_in_flight") < 1) {
            stream.problem(config.jsonPath("max_in_flight"), "max_in_flight must be at least 1");
        }
        if (config.duration("write_timeout").isNegative() || config.duration("write_timeout").isZero()) {
            stream.problem(config.jsonPath("write_timeout"), "write_timeout must be positive");
        }
    }

    @Override
    public void appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        Expression topic = Mappings.interpolation(config, "topic", stream);
        Expression retained = Mappings.interpolation(config, "retained_interpolated", stream);
        String fixedTopic = config.string("topic");
        String routeId = stream.routeId("output");
        String retainedText = config.string("retained_interpolated");
        boolean retainedDefault = retained == null && retainedText != null && !retainedText.isEmpty()
                ? retained(retainedText, config.bool("retained"), routeId)
                : config.bool("retained");
        route.process(exchange -> {
            // Only this output decides where a message goes: no header from an HTTP client or a broker may.
            exchange.getMessage().getHeaders().keySet().removeIf(k -> k.regionMatches(true, 0, HEADER_PREFIX, 0,
                    HEADER_PREFIX.length()));
            exchange.getMessage().setHeader(TOPIC, topic == null ? fixedTopic : topic.evaluate(exchange, String.class));
            if (retained != null) {
                exchange.getMessage().setHeader(RETAINED, retained(retained.evaluate(exchange, String.class),
                        retainedDefault, routeId));
            }
        }).id(stream.routeId("output.topic"));
        route.to(MqttFields.endpoint(config, stream)
                .option("retained", retainedDefault)
                .option("cleanStart", true)
                .option("maxInFlight", config.integer("max_in_flight"))
                .option("publishTimeoutMillis", MqttFields.publishTimeoutMillis(config.duration("write_timeout"), stream))
                .toString()).id(routeId);
    }

    /** As Bento: a value that is not a boolean is logged and {@code retained} applies. */
    private static boolean retained(String rendered, boolean fallback, String routeId) {
        String v = rendered == null ? "" : rendered.trim();
        if (TRUE.contains(v)) {
            return true;
        }
        if (FALSE.contains(v)) {
            return false;
        }
        LOG.warn("{}: retained_interpolated rendered '{}', not a boolean; using retained: {}", routeId, v, fallback);
        return fallback;
    }
}
