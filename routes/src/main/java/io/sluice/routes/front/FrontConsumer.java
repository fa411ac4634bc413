package io.sluice.routes.front;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each HTTP request on the shared router into an exchange of the front route, processed with Camel's
 * async routing engine on the event loop. The route either answers, or hands the request over to a stream
 * binding or the proxy, which answer later; nothing here blocks.
 */
public class FrontConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(FrontConsumer.class);

    /** After the host application's own platform-http routes, which are more specific than a catch-all. */
    private static final int ROUTE_ORDER = 1_000_000;

    private Route vertxRoute;

    FrontConsumer(FrontEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        VertxPlatformHttpRouter router = SharedRouter.find(getEndpoint().getCamelContext());
        vertxRoute = router.route().order(ROUTE_ORDER).handler(this::onRequest);
    }

    @Override
    protected void doStop() throws Exception {
        if (vertxRoute != null) {
            vertxRoute.remove();
            vertxRoute = null;
        }
        super.doStop();
    }

    private void onRequest(RoutingContext routing) {
        HttpExchange http = new HttpExchange(routing);
        if (!getEndpoint().isOffload()) {
            run(http);
            return;
        }
        // Some filter waits on the network (Redis): run the chain on a worker, with the request paused so no body
        // data is lost meanwhile; bindings hand the connection back to its event loop (StreamDispatcher).
        routing.request().pause();
        routing.vertx().executeBlocking(() -> {
            run(http);
            return null;
        }, false);
    }

    private void run(HttpExchange http) {
        Exchange exchange = createExchange(false);
        exchange.setProperty(FrontExchange.HTTP, http);
        getAsyncProcessor().process(exchange, doneSync -> {
            try {
                finish(exchange, http);
            } finally {
                releaseExchange(exchange, false);
            }
        });
    }

    @Override
    public FrontEndpoint getEndpoint() {
        return (FrontEndpoint) super.getEndpoint();
    }

    private static void finish(Exchange exchange, HttpExchange http) {
        Exception failure = exchange.getException();
        if (failure instanceof GatewayException g) {
            http.replyError(g.status(), g.getMessage());
        } else if (failure != null) {
            LOG.error("Gateway front failed on {} {}", http.request().method(), http.request().path(), failure);
            http.replyError(500, "Internal gateway error");
        } else if (!http.replied() && !exchange.getProperty(FrontExchange.HANDED_OVER, false, Boolean.class)) {
            // A front route that neither answered nor handed over is a bug; the client still gets an answer.
            http.replyError(500, "No handler answered the request");
        }
    }
}
