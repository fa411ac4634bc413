package io.sluice.translator;

import io.sluice.translator.model.ApiDefinition;
import io.sluice.translator.model.StreamDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What translators of one stream share: where errors go, the notes on fields accepted but not acted on, the
 * HTTP endpoints it declares, and facts one component tells another (the input's request timeout bounds how
 * long an output may wait for a broker).
 */
public final class StreamContext {

    private final ApiDefinition api;
    private final StreamDefinition stream;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> notYetActedOn = new ArrayList<>();
    private final List<HttpEndpoint> endpoints = new ArrayList<>();
    private Duration requestTimeout;

    public StreamContext(ApiDefinition api, StreamDefinition stream) {
        this.api = api;
        this.stream = stream;
    }

    public ApiDefinition api() {
        return api;
    }

    public String apiId() {
        return api.id();
    }

    public String streamName() {
        return stream.name();
    }

    /** Route ids read {@code api.<apiId>.<stream>.<part>}, as DESIGN §7 asks. */
    public String routeId(String part) {
        return "api." + api.id() + "." + stream.name() + "." + part;
    }

    public void problem(String jsonPath, String message) {
        int[] at = api.locations().locate(jsonPath);
        problems.add(new Problem(api.source(), api.name(), stream.name(), jsonPath, at[0], at[1], message));
    }

    public void notYetActedOn(String jsonPath, String why) {
        notYetActedOn.add(jsonPath + " (" + why + ")");
    }

    public void declare(HttpEndpoint endpoint) {
        endpoints.add(endpoint);
    }

    /** Set by an HTTP input: the time a client waits for its message to be accepted. */
    public void requestTimeout(Duration timeout) {
        this.requestTimeout = timeout;
    }

    /** The HTTP input's request timeout, or null when the stream has no HTTP input. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    List<Problem> problems() {
        return problems;
    }

    List<String> notYetActedOn() {
        return notYetActedOn;
    }

    List<HttpEndpoint> endpoints() {
        return endpoints;
    }
}
