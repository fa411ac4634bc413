package io.sluice.routes.streams;

import java.util.List;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** Options mirror Bento's {@code http_server} input fields (the translator fills them from the spec). */
public class HttpInputEndpoint extends DefaultEndpoint {

    private final String apiId;
    private final String streamName;
    private String path = "/post";
    private List<String> allowedVerbs = List.of("POST");
    private long timeoutMillis = 5000;

    HttpInputEndpoint(String uri, HttpInputComponent component, String apiId, String streamName) {
        super(uri, component);
        this.apiId = apiId;
        this.streamName = streamName;
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

    public String getApiId() {
        return apiId;
    }

    public String getStreamName() {
        return streamName;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public List<String> getAllowedVerbs() {
        return allowedVerbs;
    }

    /** Comma-separated, as it comes from the endpoint URI. */
    public void setAllowedVerbs(String allowedVerbs) {
        this.allowedVerbs = List.of(allowedVerbs.split(","));
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    public void setTimeoutMillis(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }
}
