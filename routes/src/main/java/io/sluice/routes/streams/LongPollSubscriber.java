package io.sluice.routes.streams;

import io.sluice.routes.front.HttpExchange;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/** {@code GET <path>}: waits for one message, or answers 408 after the output's timeout. */
final class LongPollSubscriber implements Subscriber {

    private final HttpExchange http;
    private final OutputHub hub;
    private final Vertx vertx;
    private long timer;

    LongPollSubscriber(HttpExchange http, OutputHub hub, Vertx vertx) {
        this.http = http;
        this.hub = hub;
        this.vertx = vertx;
    }

    void start(long timeoutMillis) {
        http.response().closeHandler(v -> hub.leave(this));
        timer = vertx.setTimer(timeoutMillis, id -> {
            if (hub.leave(this)) {
                http.replyError(408, "Timed out waiting for message");
            }
        });
        hub.ready(this);
    }

    @Override
    public void deliver(Buffer message, Consumer<Boolean> written) {
        vertx.cancelTimer(timer);
        if (!http.claimReply() || http.response().closed()) {
            written.accept(false);
            return;
        }
        http.response().setStatusCode(200).putHeader("Content-Type", "application/octet-stream")
                .end(message).onComplete(ar -> written.accept(ar.succeeded()));
    }
}
