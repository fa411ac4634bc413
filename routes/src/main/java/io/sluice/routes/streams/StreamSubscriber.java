package io.sluice.routes.streams;

import io.sluice.routes.front.HttpExchange;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.Consumer;

/**
 * {@code GET <stream_path>}: a chunked response that stays open. {@code raw_bytes} writes each message and a
 * newline; {@code event_source} writes Server-Sent Events (each line of a message a {@code data:} line, a blank
 * line after each event) with optional heartbeat comments. No thread is held: writes complete on the event loop.
 */
final class StreamSubscriber implements Subscriber {

    private static final Buffer NEWLINE = Buffer.buffer("\n");
    private static final Buffer HEARTBEAT = Buffer.buffer(": heartbeat\n\n");

    private final HttpExchange http;
    private final OutputHub hub;
    private final Vertx vertx;
    private final boolean eventSource;
    private long heartbeatTimer = -1;
    private volatile boolean gone;

    StreamSubscriber(HttpExchange http, OutputHub hub, Vertx vertx, boolean eventSource) {
        this.http = http;
        this.hub = hub;
        this.vertx = vertx;
        this.eventSource = eventSource;
    }

    void start(long heartbeatMillis) {
        if (!http.claimReply()) {
            return;
        }
        HttpServerResponse r = http.response();
        r.setStatusCode(200).setChunked(true);
        if (eventSource) {
            r.putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-cache")
                    .putHeader("Connection", "keep-alive");
            if (heartbeatMillis > 0) {
                heartbeatTimer = vertx.setPeriodic(heartbeatMillis, id -> {
                    if (!gone && !r.writeQueueFull()) {
                        r.write(HEARTBEAT);
                    }
                });
            }
        } else {
            r.putHeader("Content-Type", "application/octet-stream");
        }
        r.closeHandler(v -> leave());
        r.exceptionHandler(e -> leave());
        // Send the headers now, so clients know they are subscribed before the first message.
        r.writeHead();
        hub.ready(this);
    }

    @Override
    public void deliver(Buffer message, Consumer<Boolean> written) {
        HttpServerResponse r = http.response();
        if (gone || r.closed()) {
            written.accept(false);
            return;
        }
        // Bento's delivery point: the open connection accepted the data. Waiting for the socket flush as well
        // would cost two thread hand-offs per message; a slow client still holds the stream back (below).
        r.write(eventSource ? sseFrame(message) : Buffer.buffer(message.length() + 1).appendBuffer(message).appendBuffer(NEWLINE))
                .onFailure(e -> leave());
        written.accept(true);
        if (r.writeQueueFull()) {
            r.drainHandler(v -> hub.ready(this));
        } else {
            hub.ready(this);
        }
    }

    private void leave() {
        gone = true;
        hub.leave(this);
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
    }

    /** One SSE event: every line of the message its own {@code data:} line, then a blank line. */
    static Buffer sseFrame(Buffer message) {
        String text = message.toString();
        Buffer out = Buffer.buffer(text.length() + 16);
        int start = 0;
        while (true) {
            int nl = text.indexOf('\n', start);
            String line = nl < 0 ? text.substring(start) : text.substring(start, nl);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            out.appendString("data: ").appendString(line).appendString("\n");
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return out.appendString("\n");
    }
}
