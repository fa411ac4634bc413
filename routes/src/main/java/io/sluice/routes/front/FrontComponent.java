package io.sluice.routes.front;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code sluice-front:<name>}: the gateway's front door. Its consumer owns the catch-all handler on the shared
 * Vert.x router and runs every request through the front route; it holds no thread while a stream answers.
 */
public class FrontComponent extends DefaultComponent {

    public static final String SCHEME = "sluice-front";

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        FrontEndpoint endpoint = new FrontEndpoint(uri, this);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
