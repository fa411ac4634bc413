package io.sluice.routes.front;

import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/** Finds the platform-http Vert.x router every Sluice HTTP end shares (bound under a per-port name in Camel 4.17). */
public final class SharedRouter {

    private SharedRouter() {
    }

    /** @throws IllegalStateException when the context has no platform-http server, or more than one */
    public static VertxPlatformHttpRouter find(CamelContext camel) {
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(camel);
        if (router != null) {
            return router;
        }
        Set<VertxPlatformHttpRouter> all = camel.getRegistry().findByType(VertxPlatformHttpRouter.class);
        if (all.size() == 1) {
            return all.iterator().next();
        }
        throw new IllegalStateException(all.isEmpty()
                ? "no platform-http Vert.x router in the Camel registry: start a VertxPlatformHttpServer first"
                : "several platform-http Vert.x routers in the Camel registry; Sluice serves on exactly one");
    }
}
