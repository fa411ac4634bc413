package io.sluice.routes.streams;

import io.sluice.routes.front.HttpExchange;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Bento's {@code http_server} output: serves its long-poll, stream and WebSocket paths through the gateway
 * front, all three fed by one {@link OutputHub}, so each message reaches exactly one connected client. The
 * exchange completes when the message was written to a client, which is when the input may acknowledge it.
 */
public class HttpOutputProducer extends DefaultAsyncProducer {

    private StreamBindings bindings;
    private Vertx vertx;
    private OutputHub hub;
    private final Binding longPoll = new PathBinding(this::longPoll);
    private final Binding stream = new PathBinding(this::stream);
    private final Binding webSocket = new PathBinding(this::webSocket);

    HttpOutputProducer(HttpOutputEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public HttpOutputEndpoint getEndpoint() {
        return (HttpOutputEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        HttpOutputEndpoint e = getEndpoint();
        vertx = StreamEndpointSupport.vertx(e.getCamelContext());
        hub = new OutputHub(vertx, e.getDeliveryWaitMillis(), e.getMaxWaiting());
        bindings = StreamEndpointSupport.bindings(e.getCamelContext());
        bindings.bind(e.getApiId(), e.getPath(), longPoll);
        bindings.bind(e.getApiId(), e.getStreamPath(), stream);
        bindings.bind(e.getApiId(), e.getWsPath(), webSocket);
    }

    @Override
    protected void doStop() throws Exception {
        HttpOutputEndpoint e = getEndpoint();
        if (bindings != null) {
            bindings.unbind(e.getApiId(), e.getPath(), longPoll);
            bindings.unbind(e.getApiId(), e.getStreamPath(), stream);
            bindings.unbind(e.getApiId(), e.getWsPath(), webSocket);
        }
        if (hub != null) {
            hub.close();
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        hub.offer(Buffer.buffer(body == null ? new byte[0] : body), exchange, callback);
        return false;
    }

    private void longPoll(HttpExchange http) {
        if (StreamEndpointSupport.allowVerb(http, getEndpoint().getAllowedVerbs())) {
            new LongPollSubscriber(http, hub, vertx).start(getEndpoint().getTimeoutMillis());
        }
    }

    private void stream(HttpExchange http) {
        if (StreamEndpointSupport.allowVerb(http, getEndpoint().getAllowedVerbs())) {
            boolean eventSource = "event_source".equals(getEndpoint().getStreamFormat());
            new StreamSubscriber(http, hub, vertx, eventSource).start(getEndpoint().getHeartbeatMillis());
        }
    }

    private void webSocket(HttpExchange http) {
        boolean text = "text".equals(getEndpoint().getWsMessageType());
        new WebSocketSubscriber(hub, vertx, text).start(http, getEndpoint().getPingPeriodMillis(),
                getEndpoint().getPongWaitMillis());
    }

    /** Test hook: how many clients are connected and idle, waiting for a message. */
    int readySubscribers() {
        return hub.readySubscribers();
    }

    private final class PathBinding implements Binding {
        private final java.util.function.Consumer<HttpExchange> handler;

        PathBinding(java.util.function.Consumer<HttpExchange> handler) {
            this.handler = handler;
        }

        @Override
        public String streamName() {
            return getEndpoint().getStreamName();
        }

        @Override
        public void handle(HttpExchange http) {
            handler.accept(http);
        }

        @Override
        public void release() {
            hub.close();
        }
    }
}
