package io.sluice.auth;

import io.sluice.routes.front.FrontExchange;
import io.sluice.routes.front.FrontFilter;
import io.sluice.routes.front.GatewayException;
import io.sluice.routes.front.HttpExchange;
import io.sluice.translator.model.ApiDefinition;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * Tyk's auth-token check, then its key-expiry and access-rights checks, with Tyk's answers: 401
 * {@code Authorization field missing}, 403 {@code Access to this API has been disallowed}, 401 {@code Key has
 * expired, please renew}. It runs for every request of a protected API: POSTs, long-polls, SSE connects and
 * WebSocket upgrades alike. The session it finds is left on the exchange for the filters after it.
 */
public final class AuthTokenFilter implements FrontFilter {

    private final KeyStore keys;
    private final Clock clock;
    /** Per API id: the definition the config was read from, so a redeployed API is read again. */
    private final Map<String, Map.Entry<ApiDefinition, ApiAuthentication>> configs = new ConcurrentHashMap<>();

    public AuthTokenFilter(KeyStore keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public String stepId() {
        return "authenticate";
    }

    @Override
    public void process(Exchange exchange) {
        ApiDefinition api = FrontExchange.api(exchange);
        ApiAuthentication auth = config(api);
        if (!auth.enabled()) {
            return;
        }
        if (!auth.unsupported().isEmpty() && auth.tokenLocations().isEmpty()) {
            // Never serve an API open because its auth method is not implemented yet: refuse, and say why.
            throw new GatewayException(501, "This API requires authentication Sluice cannot check yet: "
                    + String.join(", ", auth.unsupported()));
        }
        String token = token(FrontExchange.http(exchange), auth);
        if (token == null) {
            throw new GatewayException(401, "Authorization field missing");
        }
        Optional<Session> found = keys.get(token);
        if (found.isEmpty() || !found.get().mayAccess(api.id())) {
            throw new GatewayException(403, "Access to this API has been disallowed");
        }
        Session session = found.get();
        if (session.isInactive()) {
            throw new GatewayException(403, "Key is inactive, please renew");
        }
        if (session.isExpired(clock.instant())) {
            throw new GatewayException(401, "Key has expired, please renew");
        }
        exchange.setProperty(FrontExchange.SESSION, session);
        exchange.setProperty(FrontExchange.KEY, token);
    }

    private ApiAuthentication config(ApiDefinition api) {
        Map.Entry<ApiDefinition, ApiAuthentication> cached = configs.get(api.id());
        if (cached == null || cached.getKey() != api) {
            cached = Map.entry(api, ApiAuthentication.of(api));
            configs.put(api.id(), cached);
        }
        return cached.getValue();
    }

    /** The first token found, in the configured order; Tyk accepts an {@code Authorization: Bearer <key>} form. */
    static String token(HttpExchange http, ApiAuthentication auth) {
        HttpServerRequest request = http.request();
        for (ApiAuthentication.TokenLocation at : auth.tokenLocations()) {
            String value = switch (at.where()) {
                case HEADER -> request.getHeader(at.name());
                case QUERY -> request.getParam(at.name());
                case COOKIE -> {
                    Cookie c = request.getCookie(at.name());
                    yield c == null ? null : c.getValue();
                }
            };
            if (value != null) {
                value = value.strip();
                if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    value = value.substring(7).strip();
                }
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        return null;
    }
}
