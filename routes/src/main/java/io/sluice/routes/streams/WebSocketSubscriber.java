package io.sluice.routes.streams;

import io.sluice.routes.front.HttpExchange;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.function.Consumer;

/**
 * {@code GET <ws_path>} upgraded to a WebSocket: one frame per message (binary unless {@code ws_message_type:
 * text}). Client frames are read only to keep the connection alive; a ping every {@code ping_period} and no
 * pong within {@code pong_wait} closes a zombie connection so it stops taking messages (Tyk TT-13508).
 */
final class WebSocketSubscriber implements Subscriber {

    private final OutputHub hub;
    private final Vertx vertx;
    private final boolean text;
    private ServerWebSocket socket;
    private long pingTimer = -1;
    private volatile long lastPong = System.nanoTime();
    private volatile boolean gone;

    WebSocketSubscriber(OutputHub hub, Vertx vertx, boolean text) {
        this.hub = hub;
        this.vertx = vertx;
        this.text = text;
    }

    void start(HttpExchange http, long pingPeriodMillis, long pongWaitMillis) {
        if (!http.claimReply()) {
            return;
        }
        http.request().toWebSocket().onSuccess(ws -> {
            socket = ws;
            ws.handler(frame -> { });
            ws.pongHandler(p -> lastPong = System.nanoTime());
            ws.closeHandler(v -> leave());
            ws.exceptionHandler(e -> leave());
            pingTimer = vertx.setPeriodic(pingPeriodMillis, id -> {
                if ((System.nanoTime() - lastPong) / 1_000_000 > pongWaitMillis) {
                    ws.close((short) 1001, "no pong");
                    leave();
                } else {
                    ws.writePing(Buffer.buffer());
                }
            });
            hub.ready(this);
        }).onFailure(e -> leave());
    }

    @Override
    public void deliver(Buffer message, Consumer<Boolean> written) {
        ServerWebSocket ws = socket;
        if (gone || ws == null || ws.isClosed()) {
            written.accept(false);
            return;
        }
        // Delivered once the open connection accepted the frame (Bento's rule); a full queue holds the stream back.
        (text ? ws.writeTextMessage(message.toString()) : ws.writeBinaryMessage(message)).onFailure(e -> leave());
        written.accept(true);
        if (ws.writeQueueFull()) {
            ws.drainHandler(v -> hub.ready(this));
        } else {
            hub.ready(this);
        }
    }

    private void leave() {
        gone = true;
        hub.leave(this);
        if (pingTimer >= 0) {
            vertx.cancelTimer(pingTimer);
        }
    }
}
