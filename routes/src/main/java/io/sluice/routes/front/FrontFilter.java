package io.sluice.routes.front;

import org.apache.camel.Processor;

/**
 * One step of the gateway chain between matching the API and handing the request over: authentication,
 * access rights, rate limits, quotas. It reads the request from {@link FrontExchange}, returns to let the request
 * go on, or throws {@link GatewayException} to answer it ({@code {"error": "..."}} with that status).
 */
public interface FrontFilter extends Processor {

    /** The id of this step in the front route, e.g. {@code authenticate}. */
    String stepId();

    /** True when this step may wait on the network (a Redis-backed store): the front then runs off the event loop. */
    default boolean blocks() {
        return false;
    }
}
