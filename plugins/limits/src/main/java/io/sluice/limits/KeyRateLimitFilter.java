package io.sluice.limits;

import io.github.bucket4j.ConsumptionProbe;
import io.sluice.routes.front.FrontExchange;
import io.sluice.routes.front.FrontFilter;
import io.sluice.routes.front.GatewayException;
import java.time.Duration;
import org.apache.camel.Exchange;

/**
 * Tyk's key-level rate limit: the session's {@code rate} requests per {@code per} seconds, or the per-API
 * {@code access_rights[api].limit} when the key has one; 429 {@code Rate Limit Exceeded} past it. A rate of 0 or
 * less means no limit. Keyless requests are not limited here.
 */
public final class KeyRateLimitFilter implements FrontFilter {

    private final LimitStore limits;

    /** Buckets kept in this node's memory. */
    public KeyRateLimitFilter() {
        this(new InMemoryLimitStore());
    }

    public KeyRateLimitFilter(LimitStore limits) {
        this.limits = limits;
    }

    @Override
    public boolean blocks() {
        return limits.remote();
    }

    @Override
    public String stepId() {
        return "key-rate-limit";
    }

    @Override
    public void process(Exchange exchange) {
        KeyLimit limit = KeyLimit.of(exchange, "rate");
        if (limit == null) {
            return;
        }
        long rate = (long) limit.values().path("rate").asDouble(0);
        double perSeconds = limit.values().path("per").asDouble(0);
        if (rate <= 0 || perSeconds <= 0) {
            return;
        }
        ConsumptionProbe probe = limits.take("key:" + limit.name(), rate, Duration.ofMillis((long) (perSeconds * 1000)));
        if (!probe.isConsumed()) {
            throw new GatewayException(429, "Rate Limit Exceeded");
        }
    }
}
