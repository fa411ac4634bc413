package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.object;
import static io.sluice.translator.spec.FieldSpec.optional;

import io.sluice.translator.EndpointUri;
import io.sluice.translator.HttpEndpoint;
import io.sluice.translator.SluiceEndpoints;
import io.sluice.translator.StreamContext;
import io.sluice.translator.registry.OutputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.camel.model.ProcessorDefinition;

/**
 * Bento's {@code http_server} output: long-poll {@code path}, chunked or SSE {@code stream_path} and WebSocket
 * {@code ws_path}, all bound under the API's listen path and fed by one hand-off queue (each message to one
 * client, clients in turn, back-pressure when none is connected).
 */
public final class HttpServerOutput implements OutputTranslator {

    /** With no HTTP input to bound it, how long a message may wait for a client before it is redelivered. */
    static final Duration DEFAULT_DELIVERY_WAIT = Duration.ofSeconds(30);

    private static final ComponentSpec SPEC = ComponentSpec.of("http_server", ComponentKind.OUTPUT,
            "Serves messages to HTTP clients: long-poll, chunked/SSE stream or WebSocket.",
            optional("address", FieldType.STRING, "", "Bento's own listener; Sluice always serves on the gateway port")
                    .notYetActedOn("served on the gateway port, under the API's listen path"),
            optional("path", FieldType.STRING, "/get", "long-poll path: one message per GET"),
            optional("stream_path", FieldType.STRING, "/get/stream", "path of a continuous stream of messages"),
            optional("ws_path", FieldType.STRING, "/get/ws", "WebSocket path: one frame per message"),
            optional("allowed_verbs", FieldType.STRING_LIST, List.of("GET"), "HTTP methods accepted"),
            optional("timeout", FieldType.DURATION, "5s", "how long a long-poll GET waits for a message"),
            optional("stream_format", FieldType.STRING, "raw_bytes", "raw_bytes or event_source (SSE)"),
            optional("heartbeat", FieldType.DURATION, "0s", "SSE heartbeat comment period; 0s for none"),
            optional("ws_message_type", FieldType.STRING, "binary", "binary or text frames"),
            optional("write_wait", FieldType.DURATION, "10s", "WebSocket write deadline")
                    .notYetActedOn("WebSocket writes are bounded by the connection's write queue instead"),
            optional("pong_wait", FieldType.DURATION, "60s", "close a WebSocket with no pong for this long"),
            optional("ping_period", FieldType.DURATION, "54s", "WebSocket ping period"),
            optional("cert_file", FieldType.STRING, "", "TLS certificate").notYetActedOn("TLS is the gateway port's"),
            optional("key_file", FieldType.STRING, "", "TLS key").notYetActedOn("TLS is the gateway port's"),
            object("cors", "CORS for the paths",
                    optional("enabled", FieldType.BOOL, false, "enable CORS"),
                    optional("allowed_origins", FieldType.STRING_LIST, List.of(), "allowed origins"))
                    .notYetActedOn("CORS arrives with the gateway front work"));

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        oneOf(config, "stream_format", Set.of("raw_bytes", "event_source"), stream);
        oneOf(config, "ws_message_type", Set.of("binary", "text"), stream);
        for (String p : List.of("path", "stream_path", "ws_path")) {
            if (!config.string(p).startsWith("/")) {
                stream.problem(config.jsonPath(p), p + " must start with '/'");
            }
        }
        if (config.duration("ping_period") != null && (config.duration("ping_period").isNegative() || config.duration("ping_period").isZero())) {
            stream.problem(config.jsonPath("ping_period"), "ping_period must be positive");
        }
    }

    @Override
    public void declare(ComponentConfig config, StreamContext stream) {
        String verbs = String.join(",", config.stringList("allowed_verbs"));
        stream.declare(new HttpEndpoint(verbs, config.string("path"), "output: long-poll, one message per request"));
        stream.declare(new HttpEndpoint(verbs, config.string("stream_path"), "output: "
                + ("event_source".equals(config.string("stream_format")) ? "Server-Sent Events" : "chunked stream")));
        stream.declare(new HttpEndpoint("GET", config.string("ws_path"), "output: WebSocket"));
    }

    @Override
    public void appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        String verbs = String.join(",", config.stringList("allowed_verbs"));
        // Behind an HTTP input the message waits as long as its client does (plus a margin, so the client's own
        // 408 is what it sees, as in Bento); behind a broker input it waits, then is redelivered.
        Duration wait = stream.requestTimeout() != null ? stream.requestTimeout().plusSeconds(1) : DEFAULT_DELIVERY_WAIT;
        route.to(EndpointUri.of(SluiceEndpoints.HTTP_OUTPUT, stream.apiId() + "/" + stream.streamName())
                .option("path", config.string("path"))
                .option("streamPath", config.string("stream_path"))
                .option("wsPath", config.string("ws_path"))
                .option("allowedVerbs", verbs)
                .option("timeoutMillis", config.duration("timeout").toMillis())
                .option("streamFormat", config.string("stream_format"))
                .option("heartbeatMillis", config.duration("heartbeat").toMillis())
                .option("wsMessageType", config.string("ws_message_type"))
                .option("pingPeriodMillis", config.duration("ping_period").toMillis())
                .option("pongWaitMillis", config.duration("pong_wait").toMillis())
                .option("deliveryWaitMillis", wait.toMillis())
                .toString()).id(stream.routeId("output"));
    }

    static void oneOf(ComponentConfig config, String field, Set<String> allowed, StreamContext stream) {
        String v = config.string(field);
        if (v != null && !allowed.contains(v)) {
            stream.problem(config.jsonPath(field), field + " must be one of " + new java.util.TreeSet<>(allowed)
                    + ", got '" + v + "'");
        }
    }
}
