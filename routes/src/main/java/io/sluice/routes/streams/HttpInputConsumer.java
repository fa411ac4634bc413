package io.sluice.routes.streams;

import io.sluice.routes.front.HttpExchange;
import io.sluice.translator.SluiceEndpoints;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bento's {@code http_server} input behind the gateway front: each request body becomes one message, and the
 * client is answered only when the stream is done with it: 200 after the output acknowledged it (with the
 * {@code sync_response} payload, if any), a JSON error when the output failed, 408 when the timeout passed
 * first. Never 200 for a message that was not accepted.
 */
public class HttpInputConsumer extends DefaultConsumer implements Binding {

    private static final Logger LOG = LoggerFactory.getLogger(HttpInputConsumer.class);

    private StreamBindings bindings;
    private Vertx vertx;

    HttpInputConsumer(HttpInputEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public HttpInputEndpoint getEndpoint() {
        return (HttpInputEndpoint) super.getEndpoint();
    }

    @Override
    public String streamName() {
        return getEndpoint().getStreamName();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        vertx = StreamEndpointSupport.vertx(getEndpoint().getCamelContext());
        bindings = StreamEndpointSupport.bindings(getEndpoint().getCamelContext());
        bindings.bind(getEndpoint().getApiId(), getEndpoint().getPath(), this);
    }

    @Override
    protected void doStop() throws Exception {
        if (bindings != null) {
            bindings.unbind(getEndpoint().getApiId(), getEndpoint().getPath(), this);
        }
        super.doStop();
    }

    @Override
    public void handle(HttpExchange http) {
        if (!StreamEndpointSupport.allowVerb(http, getEndpoint().getAllowedVerbs())) {
            return;
        }
        http.request().body()
                .onSuccess(body -> submit(http, body))
                .onFailure(e -> http.replyError(400, "Could not read the request body: " + e.getMessage()));
    }

    private void submit(HttpExchange http, Buffer body) {
        Exchange exchange = createExchange(false);
        Message in = exchange.getIn();
        in.setBody(body.getBytes());
        copyMetadata(http, in);
        AtomicBoolean abandoned = new AtomicBoolean();
        exchange.setProperty(SluiceEndpoints.ABANDONED, abandoned);
        long timer = vertx.setTimer(getEndpoint().getTimeoutMillis(), id -> {
            if (http.claimReply()) {
                abandoned.set(true);
                http.writeError(408, "Request timed out");
            }
        });
        try {
            getEndpoint().getComponent().workers().execute(() ->
                    getAsyncProcessor().process(exchange, doneSync -> complete(http, exchange, timer)));
        } catch (RejectedExecutionException e) {
            vertx.cancelTimer(timer);
            releaseExchange(exchange, false);
            http.replyError(503, "Server busy");
        }
    }

    private void complete(HttpExchange http, Exchange exchange, long timer) {
        vertx.cancelTimer(timer);
        try {
            Exception failure = exchange.getException();
            if (failure != null) {
                if (!http.replied()) {
                    LOG.warn("API '{}' stream '{}': message not accepted: {}", getEndpoint().getApiId(), streamName(),
                            OutputFailures.message(failure));
                }
                http.replyError(OutputFailures.status(failure), OutputFailures.message(failure));
                return;
            }
            Object reply = exchange.getProperty(SluiceEndpoints.SYNC_RESPONSE);
            if (reply == null) {
                http.reply(200, null, null);
            } else {
                byte[] bytes = exchange.getContext().getTypeConverter().convertTo(byte[].class, exchange, reply);
                http.reply(200, "application/octet-stream", Buffer.buffer(bytes));
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** Bento's {@code http_server} metadata: request facts, then headers and query parameters (first value each). */
    private static void copyMetadata(HttpExchange http, Message in) {
        HttpServerRequest request = http.request();
        Map<String, Object> headers = in.getHeaders();
        request.headers().forEach(h -> headers.putIfAbsent(h.getKey(), h.getValue()));
        request.params().forEach(q -> headers.putIfAbsent(q.getKey(), q.getValue()));
        headers.put("http_server_request_path", http.path()); // decoded, as Go's URL.Path that Bento reads
        headers.put("http_server_verb", request.method().name());
        String agent = request.getHeader("User-Agent");
        if (agent != null) {
            headers.put("http_server_user_agent", agent);
        }
        if (request.remoteAddress() != null) {
            headers.put("http_server_remote_ip", request.remoteAddress().hostAddress());
        }
    }
}
