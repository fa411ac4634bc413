package io.sluice.routes.streams;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;

/** Options mirror Bento's {@code http_server} input fields (the translator fills them from the spec). */
public class HttpInputEndpoint extends StreamHttpEndpoint {

    HttpInputEndpoint(String uri, HttpInputComponent component, String apiId, String streamName) {
        super(uri, component, apiId, streamName, "/post", "POST");
    }

    @Override
    public HttpInputComponent getComponent() {
        return (HttpInputComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("sluice-http-in is an input: it only consumes HTTP requests");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        HttpInputConsumer consumer = new HttpInputConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }
}
