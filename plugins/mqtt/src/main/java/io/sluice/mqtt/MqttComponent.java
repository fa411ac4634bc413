package io.sluice.mqtt;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Component;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5EndpointConfigurer;
import org.apache.camel.spi.PropertyConfigurer;

/**
 * {@code sluice-mqtt:<name>?<camel-paho-mqtt5 options>&<Sluice options>}: camel-paho-mqtt5's endpoint, with every
 * option it documents, and Sluice's own consumer and producer ({@link MqttSubscriber}, {@link MqttPublisher}). As in
 * camel-paho-mqtt5 the name is the topic the producer publishes to unless a message names its own in the
 * {@code CamelPahoMqtt5OverrideTopic} header. Sluice's options: {@code topics} (the consumer's topic filters, each
 * URL-encoded, joined by commas; the name when absent), {@code redeliver}, {@code maxInFlight} and
 * {@code publishTimeoutMillis}.
 */
public class MqttComponent extends PahoMqtt5Component {

    /** The generated binder of camel-paho-mqtt5's endpoint options: a subclass of that endpoint takes them all. */
    private final PropertyConfigurer pahoOptions = new PahoMqtt5EndpointConfigurer();

    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        return pahoOptions;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MqttEndpoint endpoint = new MqttEndpoint(uri, remaining, this, getConfiguration().copy());
        Object topics = parameters.remove("topics");
        endpoint.setTopicFilters(topics == null ? List.of(remaining) : decodeList(topics.toString()));
        Object redeliver = parameters.remove("redeliver");
        if (redeliver != null) {
            endpoint.setRedeliver(Boolean.parseBoolean(redeliver.toString()));
        }
        Object maxInFlight = parameters.remove("maxInFlight");
        if (maxInFlight != null) {
            endpoint.setMaxInFlight(Integer.parseInt(maxInFlight.toString()));
        }
        Object publishTimeout = parameters.remove("publishTimeoutMillis");
        if (publishTimeout != null) {
            endpoint.setPublishTimeoutMillis(Long.parseLong(publishTimeout.toString()));
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** MQTT topic filters may hold commas, so each item is URL-encoded before they are joined. */
    static List<String> decodeList(String joined) {
        List<String> out = new ArrayList<>();
        for (String item : joined.split(",")) {
            if (!item.isEmpty()) {
                out.add(URLDecoder.decode(item, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
