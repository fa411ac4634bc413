package io.sluice.routes.front;

import io.sluice.routes.apis.ApiMatcher;
import io.sluice.routes.apis.DeployedApis;
import io.sluice.routes.proxy.UpstreamProxy;
import io.sluice.routes.streams.StreamBindings;
import io.sluice.routes.streams.StreamDispatcher;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * The gateway chain every request runs through, one small filter per job (Spring Cloud Gateway style): match
 * the API by listen path, then hand over to a stream binding or the upstream proxy. Authentication, access
 * rights, rate limits and quotas slot in between the two.
 */
public final class FrontRoute extends RouteBuilder {

    public static final String ROUTE_ID = "sluice.front";

    private final DeployedApis apis;
    private final List<FrontFilter> filters;
    private final StreamBindings bindings;
    private final UpstreamProxy proxy;

    public FrontRoute(DeployedApis apis, List<FrontFilter> filters, StreamBindings bindings, UpstreamProxy proxy) {
        this.apis = apis;
        this.filters = List.copyOf(filters);
        this.bindings = bindings;
        this.proxy = proxy;
    }

    @Override
    public void configure() {
        // Errors become the client's JSON reply in FrontConsumer; nothing to retry here.
        errorHandler(noErrorHandler());
        boolean offload = filters.stream().anyMatch(FrontFilter::blocks);
        RouteDefinition route = from(FrontComponent.SCHEME + ":gateway?offload=" + offload).routeId(ROUTE_ID);
        route.process(new ApiMatcher(apis)).id("match-api");
        for (FrontFilter filter : filters) {
            route.process(filter).id(filter.stepId());
        }
        route.process(new StreamDispatcher(bindings, proxy)).id("dispatch");
    }
}
