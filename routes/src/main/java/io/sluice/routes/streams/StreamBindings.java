package io.sluice.routes.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP paths the running streams serve, per API (paths are relative to the listen path). The stream ends
 * register themselves when their route starts and leave when it stops, so the front always dispatches to
 * what is really running.
 */
public final class StreamBindings {

    /** The name this registry is bound under in the Camel registry. */
    public static final String BEAN_NAME = "sluice.streamBindings";

    private static final Logger LOG = LoggerFactory.getLogger(StreamBindings.class);

    private final Map<String, Map<String, Binding>> byApi = new ConcurrentHashMap<>();

    /** Registers {@code binding} at {@code path}; the first registration of a path wins, as in Tyk. */
    public void bind(String apiId, String path, Binding binding) {
        Binding previous = byApi.computeIfAbsent(apiId, k -> new ConcurrentHashMap<>()).putIfAbsent(normalise(path), binding);
        if (previous != null && previous != binding) {
            LOG.warn("API '{}': path {} is served by stream '{}' already; stream '{}' does not get it",
                    apiId, path, previous.streamName(), binding.streamName());
        }
    }

    public void unbind(String apiId, String path, Binding binding) {
        Map<String, Binding> paths = byApi.get(apiId);
        if (paths != null) {
            paths.remove(normalise(path), binding);
        }
    }

    /** Tells every binding of the API that its streams are stopping (see {@link Binding#release()}). */
    public void release(String apiId) {
        Map<String, Binding> paths = byApi.get(apiId);
        if (paths != null) {
            paths.values().forEach(Binding::release);
        }
    }

    /** The binding serving {@code path} (relative to the listen path) of the API, or null. */
    public Binding find(String apiId, String path) {
        Map<String, Binding> paths = byApi.get(apiId);
        return paths == null ? null : paths.get(normalise(path));
    }

    /** Tyk compares stream paths ignoring the leading slash, otherwise exactly. */
    static String normalise(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }
}
