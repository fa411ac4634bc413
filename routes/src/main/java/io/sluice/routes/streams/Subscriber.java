package io.sluice.routes.streams;

import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/** A connected client of an {@code http_server} output: a long-poll request, a chunked/SSE stream or a WebSocket. */
interface Subscriber {

    /**
     * Writes one message to the client. {@code written} is called exactly once: true when the data was written
     * to the client (Bento's delivery point), false when the client was gone, so the hub gives it to another.
     */
    void deliver(Buffer message, Consumer<Boolean> written);
}
