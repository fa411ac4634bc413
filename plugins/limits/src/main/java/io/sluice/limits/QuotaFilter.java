package io.sluice.limits;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.auth.Session;
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
    public String stepId() {
        return "key-quota";
    }

    @Override
    public void process(Exchange exchange) {
        Session session = exchange.getProperty(FrontExchange.SESSION, Session.class);
        if (session == null) {
            return;
        }
        String apiId = FrontExchange.api(exchange).id();
        JsonNode perApi = session.json().path("access_rights").path(apiId).path("limit");
        boolean ownQuota = perApi.path("quota_max").asLong(0) > 0;
        JsonNode limit = ownQuota ? perApi : session.json();
        long max = limit.path("quota_max").asLong(-1);
        long renewal = limit.path("quota_renewal_rate").asLong(0);
        if (max <= 0 || renewal <= 0) {
            return;
        }
        String key = exchange.getProperty(FrontExchange.KEY, String.class);
        LimitStore.QuotaUse use = store.count("quota:" + (ownQuota ? key + "\n" + apiId : key), max, renewal,
                clock.instant().getEpochSecond());
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
