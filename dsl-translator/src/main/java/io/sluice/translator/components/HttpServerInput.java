package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.object;
import static io.sluice.translator.spec.FieldSpec.optional;

import io.sluice.translator.EndpointUri;
import io.sluice.translator.HttpEndpoint;
import io.sluice.translator.SluiceEndpoints;
import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.InputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldType;
import java.util.List;
import java.util.Map;

/**
 * Bento's {@code http_server} input. Not a server of its own: it binds {@code path} under the API's listen
 * path on the gateway port, behind authentication and limits, and answers once the output acknowledged.
 */
public final class HttpServerInput implements InputTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("http_server", ComponentKind.INPUT,
            "Receives messages POSTed to a path of the API (one request body, one message).",
            optional("address", FieldType.STRING, "", "Bento's own listener; Sluice always serves on the gateway port")
                    .notYetActedOn("served on the gateway port, under the API's listen path"),
            optional("path", FieldType.STRING, "/post", "path that receives messages"),
            optional("ws_path", FieldType.STRING, "/post/ws", "path that receives messages over WebSocket")
                    .notYetActedOn("WebSocket input arrives with the connectors work"),
            optional("ws_welcome_message", FieldType.STRING, "", "sent to new WebSocket clients")
                    .notYetActedOn("WebSocket input arrives with the connectors work"),
            optional("ws_rate_limit_message", FieldType.STRING, "", "sent to rate-limited WebSocket clients")
                    .notYetActedOn("WebSocket input arrives with the connectors work"),
            optional("allowed_verbs", FieldType.STRING_LIST, List.of("POST"), "HTTP methods accepted"),
            optional("timeout", FieldType.DURATION, "5s", "how long a request waits for its message to be accepted"),
            optional("rate_limit", FieldType.STRING, "", "name of a rate_limit resource")
                    .notYetActedOn("rate_limit resources arrive with the connectors work; use Tyk's API rate limits"),
            optional("cert_file", FieldType.STRING, "", "TLS certificate").notYetActedOn("TLS is the gateway port's"),
            optional("key_file", FieldType.STRING, "", "TLS key").notYetActedOn("TLS is the gateway port's"),
            object("cors", "CORS for the paths",
                    optional("enabled", FieldType.BOOL, false, "enable CORS"),
                    optional("allowed_origins", FieldType.STRING_LIST, List.of(), "allowed origins"))
                    .notYetActedOn("CORS arrives with the gateway front work"),
            object("sync_response", "how sync responses are written",
                    optional("status", FieldType.STRING, "200", "status of sync responses"),
                    optional("headers", FieldType.STRING_MAP, Map.of("Content-Type", "application/octet-stream"),
                            "headers of sync responses"),
                    object("metadata_headers", "metadata copied to response headers",
                            optional("include_prefixes", FieldType.STRING_LIST, List.of(), "key prefixes"),
                            optional("include_patterns", FieldType.STRING_LIST, List.of(), "key patterns")))
                    .notYetActedOn("sync responses reply 200 with application/octet-stream"));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        if (!config.string("path").startsWith("/")) {
            stream.problem(config.jsonPath("path"), "path must start with '/'");
        }
        if (config.duration("timeout") != null && config.duration("timeout").isNegative()) {
            stream.problem(config.jsonPath("timeout"), "timeout must not be negative");
        }
    }

    @Override
    public void declare(ComponentConfig config, StreamContext stream) {
        stream.requestTimeout(config.duration("timeout"));
        stream.declare(new HttpEndpoint(String.join(",", config.stringList("allowed_verbs")), config.string("path"),
                "input: messages in"));
    }

    @Override
    public String endpointUri(ComponentConfig config, StreamContext stream) {
        String verbs = String.join(",", config.stringList("allowed_verbs"));
        return EndpointUri.of(SluiceEndpoints.HTTP_INPUT, stream.apiId() + "/" + stream.streamName())
                .option("path", config.string("path"))
                .option("allowedVerbs", verbs)
                .option("timeoutMillis", config.duration("timeout").toMillis())
                .toString();
    }
}
