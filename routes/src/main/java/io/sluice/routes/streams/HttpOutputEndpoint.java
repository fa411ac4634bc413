package io.sluice.routes.streams;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;

/** Options mirror Bento's {@code http_server} output fields (the translator fills them from the spec). */
public class HttpOutputEndpoint extends StreamHttpEndpoint {

    private String streamPath = "/get/stream";
    private String wsPath = "/get/ws";
    private String streamFormat = "raw_bytes";
    private long heartbeatMillis;
    private String wsMessageType = "binary";
    private long pingPeriodMillis = 54_000;
    private long pongWaitMillis = 60_000;
    private long deliveryWaitMillis = 30_000;
    private int maxWaiting = 1024;

    HttpOutputEndpoint(String uri, HttpOutputComponent component, String apiId, String streamName) {
        super(uri, component, apiId, streamName, "/get", "GET");
    }

    @Override
    public Producer createProducer() {
        return new HttpOutputProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("sluice-http-out is an output: it only delivers to HTTP clients");
    }

    public String getStreamPath() {
        return streamPath;
    }

    public void setStreamPath(String streamPath) {
        this.streamPath = streamPath;
    }

    public String getWsPath() {
        return wsPath;
    }

    public void setWsPath(String wsPath) {
        this.wsPath = wsPath;
    }

    public String getStreamFormat() {
        return streamFormat;
    }

    public void setStreamFormat(String streamFormat) {
        this.streamFormat = streamFormat;
    }

    public long getHeartbeatMillis() {
        return heartbeatMillis;
    }

    public void setHeartbeatMillis(long heartbeatMillis) {
        this.heartbeatMillis = heartbeatMillis;
    }

    public String getWsMessageType() {
        return wsMessageType;
    }

    public void setWsMessageType(String wsMessageType) {
        this.wsMessageType = wsMessageType;
    }

    public long getPingPeriodMillis() {
        return pingPeriodMillis;
    }

    public void setPingPeriodMillis(long pingPeriodMillis) {
        this.pingPeriodMillis = pingPeriodMillis;
    }

    public long getPongWaitMillis() {
        return pongWaitMillis;
    }

    public void setPongWaitMillis(long pongWaitMillis) {
        this.pongWaitMillis = pongWaitMillis;
    }

    /** How long a message waits for a client before the output fails it back to the input (back-pressure). */
    public long getDeliveryWaitMillis() {
        return deliveryWaitMillis;
    }

    public void setDeliveryWaitMillis(long deliveryWaitMillis) {
        this.deliveryWaitMillis = deliveryWaitMillis;
    }

    public int getMaxWaiting() {
        return maxWaiting;
    }

    public void setMaxWaiting(int maxWaiting) {
        this.maxWaiting = maxWaiting;
    }
}
