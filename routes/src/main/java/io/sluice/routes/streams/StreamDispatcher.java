package io.sluice.routes.streams;

import io.sluice.routes.apis.Operations;
import io.sluice.routes.front.FrontExchange;
import io.sluice.routes.front.GatewayException;
import io.sluice.routes.front.HttpExchange;
import io.sluice.routes.proxy.UpstreamProxy;
import io.sluice.translator.model.ApiDefinition;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Last front filter: a streams API hands the request to the stream binding serving its path exactly (404 when
 * none does, as Tyk since 5.8.3); an API without streams is proxied to its upstream.
 */
public final class StreamDispatcher implements Processor {

    private final StreamBindings bindings;
    private final UpstreamProxy proxy;

    public StreamDispatcher(StreamBindings bindings, UpstreamProxy proxy) {
        this.bindings = bindings;
        this.proxy = proxy;
    }

    @Override
    public void process(Exchange exchange) {
        ApiDefinition api = FrontExchange.api(exchange);
        if (!api.hasStreams()) {
            FrontExchange.handOver(exchange);
            HttpExchange http = FrontExchange.http(exchange);
            Operations.Operation operation = FrontExchange.operation(exchange);
            http.onRequestThread(() -> proxy.forward(http, api, operation));
            return;
        }
        String path = exchange.getProperty(FrontExchange.STREAM_PATH, String.class);
        Binding binding = bindings.find(api.id(), path);
        if (binding == null) {
            throw new GatewayException(404, "Not found: no stream of API '" + api.name() + "' serves " + path);
        }
        FrontExchange.handOver(exchange);
        HttpExchange http = FrontExchange.http(exchange);
        // Bindings use the connection (body, WebSocket upgrade, timers): that belongs on its event loop. Once the
        // binding has set its handlers, reading resumes (the front pauses requests it checks off the event loop;
        // without reading, a client that hangs up would go unnoticed).
        http.onRequestThread(() -> {
            binding.handle(http);
            http.request().resume();
        });
    }
}
