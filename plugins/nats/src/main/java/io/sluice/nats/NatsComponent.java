package io.sluice.nats;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code sluice-nats:<label>?servers=..&subject=..}: what Bento's {@code nats} output and {@code nats_jetstream} input and
 * output need from NATS and camel-nats 4.17 does not give: a JetStream consumer that acknowledges a message only
 * after the route succeeded (and naks it otherwise), and a publisher that completes a message only once the server
 * has it (core NATS: after a flush; JetStream: on the PubAck), to the subject each message names.
 */
public class NatsComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        NatsEndpoint endpoint = new NatsEndpoint(uri, this);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
