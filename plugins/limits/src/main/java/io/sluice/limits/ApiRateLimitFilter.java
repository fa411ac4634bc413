package io.sluice.limits;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.routes.apis.Operations;
import io.sluice.routes.apis.PerApi;
import io.sluice.routes.front.FrontExchange;
import io.sluice.routes.front.FrontFilter;
import io.sluice.routes.front.GatewayException;
import io.sluice.translator.Durations;
import io.sluice.translator.model.ApiDefinition;
import java.time.Duration;
import org.apache.camel.Exchange;

/**
 * Tyk's API-level rate limit, {@code x-tyk-api-gateway.upstream.rateLimit {enabled, rate, per}} with {@code per}
 * a duration such as {@code 1s} or {@code 1m}, and the endpoint-level one, {@code middleware.operations.<operationId>
 * .rateLimit} of the same shape: each shared by every client of the API (an endpoint's by every client of that
 * operation), 429 {@code API Rate Limit Exceeded} past it. It runs after the key-level limits, as in Tyk. An
 * endpoint with its own limit is also held to the API's, as newer Tyk releases do: the API limit protects the
 * upstream as a whole.
 */
public final class ApiRateLimitFilter implements FrontFilter {

    private final LimitStore limits;
    /** The API's own limit, read once per deployed definition (null when it has none). */
    private final PerApi<Limit> apiLimits = new PerApi<>(api -> api.document() == null ? null
            : Limit.of(api.document().at("/x-tyk-api-gateway/upstream/rateLimit")));

    /** Buckets kept in this node's memory. */
    public ApiRateLimitFilter() {
        this(new InMemoryLimitStore());
    }

    public ApiRateLimitFilter(LimitStore limits) {
        this.limits = limits;
    }

    @Override
    public boolean blocks() {
        return limits.remote();
    }

    @Override
    public String stepId() {
        return "api-rate-limit";
    }

    @Override
    public void process(Exchange exchange) {
        ApiDefinition api = FrontExchange.api(exchange);
        Operations.Operation operation = FrontExchange.operation(exchange);
        if (operation != null) {
            take(Limit.of(operation.enabled("rateLimit")), "api:" + api.id() + ":op:" + operation.id());
        }
        take(apiLimits.get(api), "api:" + api.id());
    }

    /** A valid {@code rateLimit {enabled, rate, per}}, or null when it is off or unusable. */
    private record Limit(long rate, Duration per) {
        static Limit of(JsonNode limit) {
            if (limit == null || !limit.path("enabled").asBoolean(false)) {
                return null;
            }
            long rate = limit.path("rate").asLong(0);
            Duration per = ApiRateLimitFilter.per(limit.path("per"));
            return rate <= 0 || per == null || per.isZero() || per.isNegative() ? null : new Limit(rate, per);
        }
    }

    /** Takes one request from the bucket {@code name} limited by {@code limit} (when set), or answers 429. */
    private void take(Limit limit, String name) {
        if (limit != null && !limits.take(name, limit.rate(), limit.per()).isConsumed()) {
            throw new GatewayException(429, "API Rate Limit Exceeded");
        }
    }

    /** {@code per} as Tyk OAS writes it ("1s", "1m30s"), or plain seconds as older documents do. */
    private static Duration per(JsonNode per) {
        if (per.isNumber()) {
            return Duration.ofMillis((long) (per.asDouble() * 1000));
        }
        try {
            return Durations.parse(per.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
