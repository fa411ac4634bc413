package io.sluice.routes;

import io.sluice.translator.ApiPlan;
import io.sluice.translator.StreamPlan;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running streams of one API: adds their routes to the Camel context and removes them again. If any
 * stream fails to start, the ones already started are removed, so an API is either fully up or not at all.
 */
public final class StreamManager {

    private static final Logger LOG = LoggerFactory.getLogger(StreamManager.class);

    private final CamelContext camel;
    private final ApiPlan plan;
    private final List<String> routeIds = new ArrayList<>();

    StreamManager(CamelContext camel, ApiPlan plan) {
        this.camel = camel;
        this.plan = plan;
    }

    public ApiPlan plan() {
        return plan;
    }

    /** @throws StreamStartException naming the first stream that did not start; none of the API's streams run then */
    void start() throws StreamStartException {
        for (StreamPlan stream : plan.streams()) {
            try {
                routeIds.addAll(stream.routeIds()); // a route that failed to start is still in the context
                camel.addRoutes(stream.routes());
            } catch (Exception e) {
                stop();
                throw new StreamStartException(stream.streamName(), e);
            }
        }
    }

    void stop() {
        for (String id : routeIds) {
            if (camel.getRoute(id) == null) {
                continue;
            }
            try {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            } catch (Exception e) {
                LOG.warn("API '{}': could not remove route {}: {}", plan.api().id(), id, e.getMessage());
            }
        }
        routeIds.clear();
    }
}
