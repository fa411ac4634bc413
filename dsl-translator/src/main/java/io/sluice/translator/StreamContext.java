package io.sluice.translator;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.translator.model.ApiDefinition;
import io.sluice.translator.model.StreamDefinition;
import java.time.Duration;
import org.apache.camel.Processor;
import java.util.ArrayList;
import java.util.List;

/**
 * What translators of one stream share: where errors go, the notes on fields accepted but not acted on, the
 * HTTP endpoints it declares, facts one component tells another (the input's request timeout bounds how long
 * an output may wait for a broker), and the way composites ({@code switch}, {@code branch}, {@code broker})
 * compile the components nested in them. A nested component gets a scoped view, so the ids of its route nodes
 * are its own.
 */
public final class StreamContext {

    /**
     * Compiles components nested in a composite into routes of their own, linked by {@code direct:} endpoints. The
     * same JSON path always gives the same URI, so a composite can register its children in {@code check} and
     * link to them in {@code appendTo}. Each method reports problems itself and then returns null.
     */
    public interface Nesting {

        /** The processor list at {@code jsonPath} as a route; returns the URI that runs a message through it. */
        default String processors(JsonNode list, String jsonPath) {
            return processors(list, jsonPath, null);
        }

        /** As {@link #processors(JsonNode, String)}, with {@code first} (when not null) run before the list. */
        String processors(JsonNode list, String jsonPath, Processor first);

        /** The single processor at {@code jsonPath} as a route of its own; returns the URI that runs it. */
        String processor(JsonNode component, String jsonPath);

        /** The output at {@code jsonPath} (with its own processors) as a route; returns the URI that sends to it. */
        String output(JsonNode component, String jsonPath);

        /** The input at {@code jsonPath} (with its own processors) as a route that sends every message to {@code target}. */
        String input(JsonNode component, String jsonPath, String target);
    }

    private static final class Shared {
        final List<Problem> problems = new ArrayList<>();
        final List<String> notYetActedOn = new ArrayList<>();
        final List<HttpEndpoint> endpoints = new ArrayList<>();
        Duration requestTimeout;
        Nesting nesting;
    }

    private final ApiDefinition api;
    private final StreamDefinition stream;
    private final Shared shared;
    /** "" for the stream's own components, else the nested component's path below the stream, dot-separated. */
    private final String scope;

    public StreamContext(ApiDefinition api, StreamDefinition stream) {
        this(api, stream, new Shared(), "");
    }

    private StreamContext(ApiDefinition api, StreamDefinition stream, Shared shared, String scope) {
        this.api = api;
        this.stream = stream;
        this.shared = shared;
        this.scope = scope;
    }

    /** The view a component nested at {@code jsonPath} sees: same stream, its own node ids. */
    public StreamContext scopedTo(String jsonPath) {
        return new StreamContext(api, stream, shared, idPart(jsonPath));
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

    /** Route and node ids read {@code api.<apiId>.<stream>.<part>} (within a nested component's scope), DESIGN §7. */
    public String routeId(String part) {
        return "api." + api.id() + "." + stream.name() + "." + (scope.isEmpty() ? "" : scope + ".") + part;
    }

    /** The id of the route compiled for the component (or list) at {@code jsonPath}: its path, dot-separated. */
    public String routeIdAt(String jsonPath) {
        return "api." + api.id() + "." + stream.name() + "." + idPart(jsonPath);
    }

    private String idPart(String jsonPath) {
        String below = jsonPath.startsWith(stream.jsonPath() + "/") ? jsonPath.substring(stream.jsonPath().length() + 1)
                : jsonPath;
        return below.replace('/', '.');
    }

    public Nesting nesting() {
        return shared.nesting;
    }

    void nesting(Nesting nesting) {
        shared.nesting = nesting;
    }

    public void problem(String jsonPath, String message) {
        int[] at = api.locations().locate(jsonPath);
        shared.problems.add(new Problem(api.source(), api.name(), stream.name(), jsonPath, at[0], at[1], message));
    }

    public void notYetActedOn(String jsonPath, String why) {
        shared.notYetActedOn.add(jsonPath + " (" + why + ")");
    }

    public void declare(HttpEndpoint endpoint) {
        shared.endpoints.add(endpoint);
    }

    /** Set by an HTTP input: the time a client waits for its message to be accepted. */
    public void requestTimeout(Duration timeout) {
        shared.requestTimeout = timeout;
    }

    /** The HTTP input's request timeout, or null when the stream has no HTTP input. */
    public Duration requestTimeout() {
        return shared.requestTimeout;
    }

    List<Problem> problems() {
        return shared.problems;
    }

    List<String> notYetActedOn() {
        return shared.notYetActedOn;
    }

    List<HttpEndpoint> endpoints() {
        return shared.endpoints;
    }
}
