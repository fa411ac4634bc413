package io.sluice.limits;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Where rate-limit buckets and quota counters live: in memory for one node, in Redis when several nodes behind a
 * load balancer must enforce one limit together. Names are the filters' own and never collide between them.
 */
public interface LimitStore {

    /** True when each call goes over the network (Redis): the gateway then keeps it off the event loop. */
    default boolean remote() {
        return false;
    }

    /**
     * Takes one request from the named token bucket allowing {@code rate} requests per {@code per}; a bucket whose
     * limit changed starts afresh with the new one.
     */
    ConsumptionProbe take(String name, long rate, Duration per);

    /**
     * Counts one request against the named quota of {@code max} per {@code renewalSeconds}, the window starting
     * with its first request at {@code nowSeconds}; a quota whose limit changed starts a new window.
     *
     * @return the requests used in the window, this one included, but never more than {@code max + 1}
     */
    QuotaUse count(String name, long max, long renewalSeconds, long nowSeconds);

    /** @param renews Unix seconds at which the window ends and the count starts again */
    record QuotaUse(long used, long renews) {
    }
}
