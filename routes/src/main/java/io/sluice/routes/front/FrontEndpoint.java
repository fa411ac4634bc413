package io.sluice.routes.front;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

public class FrontEndpoint extends DefaultEndpoint {

    private boolean offload;

    FrontEndpoint(String uri, FrontComponent component) {
        super(uri, component);
    }

    /** Run the front route on a worker thread instead of the event loop (some filter may block). */
    public boolean isOffload() {
        return offload;
    }

    public void setOffload(boolean offload) {
        this.offload = offload;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(FrontComponent.SCHEME + " is consume-only: it receives the gateway's HTTP requests");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        FrontConsumer consumer = new FrontConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }
}
