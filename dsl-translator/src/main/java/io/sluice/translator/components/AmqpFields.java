package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.required;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.translator.StreamContext;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.FieldSpec;
import io.sluice.translator.spec.FieldType;
import java.net.URI;
import java.util.List;

/** The connection fields Bento's amqp_0_9 input and output share. */
final class AmqpFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AmqpFields() {
    }

    static FieldSpec urls() {
        return required("urls", FieldType.STRING_LIST,
                "broker URLs, tried in order, e.g. [\"amqp://guest:guest@127.0.0.1:5672/\"]");
    }

    static FieldSpec tls() {
        return TlsField.notYetActedOn("TLS settings are not passed to the AMQP client yet");
    }

    static String urls(ComponentConfig config) {
        return String.join(",", config.stringList("urls"));
    }

    static void checkUrls(ComponentConfig config, StreamContext stream) {
        List<String> urls = config.stringList("urls");
        if (config.isSet("urls") && urls.isEmpty()) {
            stream.problem(config.jsonPath("urls"), "at least one AMQP URL is required");
        }
        for (String u : urls) {
            try {
                URI uri = new URI(u);
                if ("amqps".equalsIgnoreCase(uri.getScheme())) {
                    // the Java client would run TLS trusting any certificate: refused rather than silently unsafe
                    stream.problem(config.jsonPath("urls"), "'" + u + "': TLS to AMQP (amqps://) is not supported yet");
                } else if (!"amqp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                    stream.problem(config.jsonPath("urls"), "'" + u + "' is not an amqp:// URL");
                }
            } catch (java.net.URISyntaxException e) {
                stream.problem(config.jsonPath("urls"), "'" + u + "' is not a URL: " + e.getReason());
            }
        }
    }

    static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
