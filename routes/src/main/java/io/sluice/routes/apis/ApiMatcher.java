package io.sluice.routes.apis;

import io.sluice.routes.front.FrontExchange;
import io.sluice.routes.front.GatewayException;
import io.sluice.routes.front.HttpExchange;
import io.sluice.translator.model.ApiDefinition;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Front filter 1: finds the API by the longest listen path that prefixes the request path, and strips it. */
public final class ApiMatcher implements Processor {

    private final DeployedApis apis;

    public ApiMatcher(DeployedApis apis) {
        this.apis = apis;
    }

    @Override
    public void process(Exchange exchange) {
        HttpExchange http = FrontExchange.http(exchange);
        String path = http.path();
        ApiDefinition api = path == null ? null : apis.match(path);
        if (api == null) {
            throw new GatewayException(404, "Not found: no API listens on " + path);
        }
        exchange.setProperty(FrontExchange.API, api);
        exchange.setProperty(FrontExchange.STREAM_PATH, DeployedApis.strip(api.listenPath(), path));
    }
}
