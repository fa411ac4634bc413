package io.sluice.routes.streams;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code sluice-http-in:<apiId>/<stream>}: the {@code http_server} input as a binding of the gateway front.
 * Stream routes run on this component's bounded worker pool, never on the event loop: an output may block
 * (a Kafka producer waiting for metadata while the broker is down), and that must not stall other APIs.
 */
public class HttpInputComponent extends DefaultComponent {

    private ExecutorService workers;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String[] apiAndStream = StreamEndpointSupport.apiAndStream(remaining);
        HttpInputEndpoint endpoint = new HttpInputEndpoint(uri, this, apiAndStream[0], apiAndStream[1]);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    synchronized ExecutorService workers() {
        if (workers == null) {
            ThreadPoolProfile profile = new ThreadPoolProfile("sluice-http-in");
            profile.setPoolSize(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
            profile.setMaxPoolSize(profile.getPoolSize());
            // Bounded: past this many accepted-but-unstarted requests, clients get 503 instead of memory growing.
            profile.setMaxQueueSize(10_000);
            profile.setRejectedPolicy(org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy.Abort);
            workers = getCamelContext().getExecutorServiceManager().newThreadPool(this, "sluice-http-in", profile);
        }
        return workers;
    }

    @Override
    protected void doStop() throws Exception {
        if (workers != null) {
            getCamelContext().getExecutorServiceManager().shutdownGraceful(workers);
            workers = null;
        }
        super.doStop();
    }
}
