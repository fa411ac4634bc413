package io.sluice.routes.streams;

import io.sluice.routes.front.HttpExchange;

/** A stream end that serves one HTTP path: it takes over the request once the front has matched and checked it. */
public interface Binding {

    String streamName();

    /**
     * Handles the request. Implementations reply through {@code http} (exactly once, possibly later and on
     * another thread) or take over the connection (SSE, WebSocket).
     */
    void handle(HttpExchange http);

    /** The stream is about to stop: release what waits on clients, so its route can stop promptly. */
    default void release() {
    }
}
