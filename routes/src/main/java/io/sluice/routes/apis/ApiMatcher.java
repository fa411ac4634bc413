package io.sluice.routes.apis;

import io.sluice.routes.front.FrontExchange;
import io.sluice.routes.front.GatewayException;
import io.sluice.routes.front.HttpExchange;
import io.sluice.translator.model.ApiDefinition;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Front filter 1: finds the API by the longest listen path that prefixes the (canonical) request path, strips it,
 * and finds the OpenAPI operation the rest of the path and the method name, for the per-operation middleware.
 */
public final class ApiMatcher implements Processor {

    private final DeployedApis apis;
    private final PerApi<Operations> operations = new PerApi<>(Operations::of);

    public ApiMatcher(DeployedApis apis) {
        this.apis = apis;
    }

    @Override
    public void process(Exchange exchange) {
        HttpExchange http = FrontExchange.http(exchange);
        String path = http.path();
        ApiDefinition api = apis.match(path);
        if (api == null) {
            throw new GatewayException(404, "Not found: no API listens on " + path);
        }
        String below = DeployedApis.strip(api.listenPath(), path);
        exchange.setProperty(FrontExchange.API, api);
        exchange.setProperty(FrontExchange.STREAM_PATH, below);
        Operations.Operation operation = operations.get(api).match(http.request().method().name(), below);
        if (operation != null) {
            exchange.setProperty(FrontExchange.OPERATION, operation);
        }
    }
}
