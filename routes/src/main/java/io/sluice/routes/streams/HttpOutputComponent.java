package io.sluice.routes.streams;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/** {@code sluice-http-out:<apiId>/<stream>}: the {@code http_server} output as bindings of the gateway front. */
public class HttpOutputComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String[] apiAndStream = StreamEndpointSupport.apiAndStream(remaining);
        HttpOutputEndpoint endpoint = new HttpOutputEndpoint(uri, this, apiAndStream[0], apiAndStream[1]);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
