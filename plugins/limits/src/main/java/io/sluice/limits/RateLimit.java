package io.sluice.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by name, each allowing {@code rate} requests per {@code per}, refilled smoothly. A bucket whose
 * limit changed (a key updated through the Gateway API, an API redeployed) starts afresh with the new limit.
 */
final class RateLimit {

    private record Limited(long rate, Duration per, Bucket bucket) {
    }

    private final Map<String, Limited> buckets = new ConcurrentHashMap<>();

    /** Takes one request from the named bucket; the probe says whether it was allowed and what is left. */
    ConsumptionProbe take(String name, long rate, Duration per) {
        Limited limited = buckets.compute(name, (k, current) -> current != null && current.rate == rate
                && current.per.equals(per) ? current : new Limited(rate, per, Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(rate).refillGreedy(rate, per).build()).build()));
        return limited.bucket.tryConsumeAndReturnRemaining(1);
    }
}
