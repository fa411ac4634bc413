package io.sluice.routes.streams;

import java.util.List;
import org.apache.camel.Component;
import org.apache.camel.support.DefaultEndpoint;

/** What both HTTP stream ends have: the stream they belong to, their main path, verbs and timeout. */
public abstract class StreamHttpEndpoint extends DefaultEndpoint {

    private final String apiId;
    private final String streamName;
    private String path;
    private List<String> allowedVerbs;
    private long timeoutMillis = 5000;

    StreamHttpEndpoint(String uri, Component component, String apiId, String streamName, String defaultPath,
                       String defaultVerb) {
        super(uri, component);
        this.apiId = apiId;
        this.streamName = streamName;
        this.path = defaultPath;
        this.allowedVerbs = List.of(defaultVerb);
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
