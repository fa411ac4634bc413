package io.sluice.routes.front;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client request at the gateway front, and the single reply it gets. Several parties may race to answer
 * (a stream's completion, its timeout, a client disconnect); the first one wins, the rest are ignored.
 */
public final class HttpExchange {

    private final RoutingContext routing;
    private final Context context;
    private final AtomicBoolean replied = new AtomicBoolean();
    private RequestPath path;

    /** Made on the request's event loop, which it remembers: connection work must happen there. */
    public HttpExchange(RoutingContext routing) {
        this.routing = routing;
        this.context = Vertx.currentContext();
    }

    /** Runs {@code work} on the request's event loop: at once when already there, otherwise scheduled on it. */
    public void onRequestThread(Runnable work) {
        if (context == null || (Context.isOnEventLoopThread() && Vertx.currentContext() == context)) {
            work.run();
        } else {
            context.runOnContext(v -> work.run());
        }
    }

    public RoutingContext routing() {
        return routing;
    }

    public HttpServerRequest request() {
        return routing.request();
    }

    public HttpServerResponse response() {
        return routing.response();
    }

    /** The canonical request path (see {@link RequestPath}); throws a 400/414 GatewayException for a malformed one. */
    public String path() {
        RequestPath p = path;
        if (p == null) {
            p = RequestPath.of(routing.request().path());
            path = p;
        }
        return p.canonical();
    }

    /** Claims the reply: true exactly once, for whoever answers (or takes over the connection) first. */
    public boolean claimReply() {
        return replied.compareAndSet(false, true);
    }

    public boolean replied() {
        return replied.get();
    }

    /** Replies once with a body; later calls do nothing. */
    public void reply(int status, String contentType, Buffer body) {
        if (claimReply()) {
            write(status, contentType, body);
        }
    }

    /** Replies with {@code {"error": "<message>"}}, the shape of every error a client sees, once. */
    public void replyError(int status, String message) {
        reply(status, "application/json", errorBody(message));
    }

    /** Writes the reply after the caller claimed it with {@link #claimReply()}. */
    public void writeError(int status, String message) {
        write(status, "application/json", errorBody(message));
    }

    private void write(int status, String contentType, Buffer body) {
        HttpServerResponse r = response();
        if (r.ended() || r.closed()) {
            return;
        }
        r.setStatusCode(status);
        if (contentType != null) {
            r.putHeader("Content-Type", contentType);
        }
        r.end(body == null ? Buffer.buffer() : body);
    }

    public static Buffer errorBody(String message) {
        StringBuilder s = new StringBuilder("{\"error\":\"");
        JsonStringEncoder.getInstance().quoteAsString(message == null ? "" : message, s);
        return Buffer.buffer(s.append("\"}").toString());
    }
}
