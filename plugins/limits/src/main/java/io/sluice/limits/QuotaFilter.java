package io.sluice.limits;

import io.sluice.routes.front.FrontExchange;
import io.sluice.routes.front.FrontFilter;
import io.sluice.routes.front.GatewayException;
import io.vertx.core.http.HttpServerResponse;
import java.time.Clock;
import org.apache.camel.Exchange;

/**
 * Tyk's key quota: at most {@code quota_max} requests per {@code quota_renewal_rate} seconds (the window starts
 * with the first request), 403 {@code Quota exceeded} past it; -1 means unlimited. Like Tyk, every answer carries
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (Unix seconds) for it.
 */
public final class QuotaFilter implements FrontFilter {

    private final LimitStore store;
    private final Clock clock;

    /** Quotas kept in this node's memory. */
    public QuotaFilter(Clock clock) {
        this(new InMemoryLimitStore(), clock);
    }

    public QuotaFilter(LimitStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public boolean blocks() {
        return store.remote();
    }

    @Override
    public String stepId() {
        return "key-quota";
    }

    @Override
    public void process(Exchange exchange) {
        KeyLimit limit = KeyLimit.of(exchange, "quota_max");
        if (limit == null) {
            return;
        }
        long max = limit.values().path("quota_max").asLong(-1);
        long renewal = limit.values().path("quota_renewal_rate").asLong(0);
        if (max <= 0 || renewal <= 0) {
            return;
        }
        LimitStore.QuotaUse use = store.count("quota:" + limit.name(), max, renewal, clock.instant().getEpochSecond());
        long used = use.used();
        long renews = use.renews();
        HttpServerResponse response = FrontExchange.http(exchange).response();
        response.putHeader("X-RateLimit-Limit", Long.toString(max))
                .putHeader("X-RateLimit-Remaining", Long.toString(Math.max(0, max - Math.min(used, max))))
                .putHeader("X-RateLimit-Reset", Long.toString(renews));
        if (used > max) {
            throw new GatewayException(403, "Quota exceeded");
        }
    }
}
