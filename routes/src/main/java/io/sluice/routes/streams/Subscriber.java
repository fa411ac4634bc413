package io.sluice.routes.streams;

import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/** A connected client of an {@code http_server} output: a long-poll request, a chunked/SSE stream or a WebSocket. */
interface Subscriber {

    /**
     * Writes one message to the client. {@code written} is called exactly once: true when the client's open
     * connection accepted the data (Bento's delivery point), false when the client was gone, so the hub gives
     * the message to another.
     */
    void deliver(Buffer message, Consumer<Boolean> written);
}
