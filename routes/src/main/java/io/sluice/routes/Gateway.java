package io.sluice.routes;

import io.sluice.routes.apis.DeployedApis;
import io.sluice.routes.front.FrontFilter;
import io.sluice.routes.front.FrontRoute;
import io.sluice.routes.front.SharedRouter;
import io.sluice.routes.proxy.UpstreamProxy;
import io.sluice.routes.streams.StreamBindings;
import io.sluice.translator.ApiPlan;
import io.sluice.translator.model.ApiDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * The gateway installed in a CamelContext: the front route on the shared platform-http router, and the
 * deployed APIs with their stream managers. The context must already have a Vert.x platform-http server.
 */
public final class Gateway {

    private final CamelContext camel;
    private final DeployedApis apis = new DeployedApis();
    private final StreamBindings bindings;
    private final Map<String, StreamManager> managers = new ConcurrentHashMap<>();

    private Gateway(CamelContext camel) {
        this.camel = camel;
        StreamBindings existing = camel.getRegistry().lookupByNameAndType(StreamBindings.BEAN_NAME, StreamBindings.class);
        this.bindings = existing != null ? existing : new StreamBindings();
        camel.getRegistry().bind(StreamBindings.BEAN_NAME, bindings);
        camel.getRegistry().bind(DeployedApis.BEAN_NAME, apis);
    }

    /** Adds the front route, with no filters (every API keyless), to {@code camel}. */
    public static Gateway install(CamelContext camel) throws Exception {
        return install(camel, List.of());
    }

    /**
     * Adds the front route to {@code camel}, whose platform-http router must already exist.
     *
     * @param filters the gateway chain between matching the API and handing over, in order
     */
    public static Gateway install(CamelContext camel, List<FrontFilter> filters) throws Exception {
        return install(camel, filters, UpstreamProxy.DEFAULT_TIMEOUT);
    }

    /** As {@link #install(CamelContext, List)}, with the time an upstream may take to answer by default. */
    public static Gateway install(CamelContext camel, List<FrontFilter> filters, Duration proxyTimeout) throws Exception {
        VertxPlatformHttpRouter router = SharedRouter.find(camel);
        Gateway gateway = new Gateway(camel);
        UpstreamProxy proxy = new UpstreamProxy(router.vertx(), proxyTimeout, UpstreamProxy.DEFAULT_CONNECT_TIMEOUT);
        camel.addRoutes(new FrontRoute(gateway.apis, filters, gateway.bindings, proxy));
        return gateway;
    }

    /**
     * Serves the API of {@code plan}: its streams' routes are started, then the API is matched by listen path.
     * A previous version with the same id is stopped first.
     *
     * @throws Exception when a route fails to start; nothing of this API is left running then
     */
    public synchronized void deploy(ApiPlan plan) throws Exception {
        ApiDefinition api = plan.api();
        undeploy(api.id());
        StreamManager manager = new StreamManager(camel, plan);
        if (api.active()) {
            manager.start();
        }
        managers.put(api.id(), manager);
        apis.put(api);
    }

    public synchronized void undeploy(String apiId) {
        apis.remove(apiId);
        StreamManager previous = managers.remove(apiId);
        if (previous != null) {
            bindings.release(apiId);
            previous.stop();
        }
    }

    /** Undeploys every API (their routes stop, their clients are released); the front route stays. */
    public synchronized void close() {
        for (String id : List.copyOf(managers.keySet())) {
            undeploy(id);
        }
    }

    public StreamManager manager(String apiId) {
        return managers.get(apiId);
    }

    public DeployedApis apis() {
        return apis;
    }

    public StreamBindings bindings() {
        return bindings;
    }
}
