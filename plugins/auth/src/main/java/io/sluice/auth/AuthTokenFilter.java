package io.sluice.auth;

import io.sluice.routes.apis.Operations;
import io.sluice.routes.apis.PerApi;
import io.sluice.routes.front.FrontExchange;
import io.sluice.routes.front.FrontFilter;
import io.sluice.routes.front.GatewayException;
import io.sluice.routes.front.HttpExchange;
import io.sluice.translator.model.ApiDefinition;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * Tyk's auth-token (or bearer JWT) check, then its key-expiry and access-rights checks, with Tyk's answers: 401
 * {@code Authorization field missing}, 403 {@code Access to this API has been disallowed}, 401 {@code Key has
 * expired, please renew}. It runs for every request of a protected API: POSTs, long-polls, SSE connects and
 * WebSocket upgrades alike. The session it finds is left on the exchange for the filters after it.
 */
public final class AuthTokenFilter implements FrontFilter {

    private final Keys keys;
    private final Policies policies;
    private final Clock clock;
    private final PerApi<ApiAuthentication> configs = new PerApi<>(ApiAuthentication::of);

    public AuthTokenFilter(Keys keys, Policies policies, Clock clock) {
        this.keys = keys;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public String stepId() {
        return "authenticate";
    }

    @Override
    public boolean blocks() {
        return keys.store().remote();
    }

    @Override
    public void process(Exchange exchange) {
        ApiDefinition api = FrontExchange.api(exchange);
        ApiAuthentication auth = configs.get(api);
        if (!auth.enabled() || ignoresAuthentication(FrontExchange.operation(exchange))) {
            return;
        }
        if (auth.hmac() != null) {
            admit(exchange, api, auth.hmac().verify(FrontExchange.http(exchange).request(), keys, clock));
            return;
        }
        if (auth.jwt() != null) {
            authenticateJwt(exchange, api, auth.jwt());
            return;
        }
        if (auth.basic() && auth.tokenLocations().isEmpty()) {
            authenticateBasic(exchange, api);
            return;
        }
        if (!auth.unsupported().isEmpty() && auth.tokenLocations().isEmpty()) {
            // Never serve an API open because its auth method is not implemented yet: refuse, and say why.
            throw new GatewayException(501, "This API requires authentication Sluice cannot check yet: "
                    + String.join(", ", auth.unsupported()));
        }
        String token = token(FrontExchange.http(exchange), auth.tokenLocations());
        if (token == null) {
            throw new GatewayException(401, "Authorization field missing");
        }
        admit(exchange, api, keys.find(token)
                .orElseThrow(() -> new GatewayException(403, "Access to this API has been disallowed")));
    }

    /**
     * A valid JWT stands for its identity claim. Its session comes from the policies the token names (its
     * {@code policyFieldName} claim) or the scheme's {@code defaultPolicies}; with neither, it is the identity's
     * own, with access to this API and no limits.
     */
    private void authenticateJwt(Exchange exchange, ApiDefinition api, ApiAuthentication.Jwt jwt) {
        String token = token(FrontExchange.http(exchange), jwt.locations());
        if (token == null) {
            throw new GatewayException(401, "Authorization field missing");
        }
        JwtVerifier.Verified verified = jwt.verifier().verify(token);
        Session session;
        if (verified.policies().isEmpty()) {
            ObjectNode own = JsonNodeFactory.instance.objectNode();
            own.putObject("access_rights").putObject(api.id()).put("api_id", api.id());
            session = new Session(own);
        } else {
            session = policies.fromPolicies(verified.policies());
            if (!session.mayAccess(api.id())) {
                throw new GatewayException(403, "Access to this API has been disallowed");
            }
        }
        exchange.setProperty(FrontExchange.SESSION, session);
        exchange.setProperty(FrontExchange.KEY, verified.identity());
    }

    /**
     * Tyk's basic auth: the user name is the key of a session whose {@code basic_auth_data.password} must match
     * (plain, as Tyk's default {@code hash_type}; compared in constant time). Failures answer 401 with a
     * {@code WWW-Authenticate} challenge, as Tyk does.
     */
    private void authenticateBasic(Exchange exchange, ApiDefinition api) {
        HttpExchange http = FrontExchange.http(exchange);
        String header = http.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw challenge(http, "Authorization field missing");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw challenge(http, "Attempted access with malformed header, header not base64 encoded");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw challenge(http, "Attempted access with malformed header, values not in basic auth format");
        }
        String user = decoded.substring(0, colon);
        byte[] password = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        Keys.Found found = keys.find(user).orElse(null);
        String stored = found == null ? null
                : found.session().json().path("basic_auth_data").path("password").asText(null);
        if (stored == null || !MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8), password)) {
            throw challenge(http, "User not authorised");
        }
        admit(exchange, api, found);
    }

    /**
     * The checks every key-based method shares once the key is known: policies, access rights, activity, expiry.
     * The request is counted (rate limits, quotas) under the key's stored id: its hash when hashing is on, so
     * limit counters in Redis reveal no key either.
     */
    private void admit(Exchange exchange, ApiDefinition api, Keys.Found key) {
        Session session = policies.apply(key.session());
        if (!session.mayAccess(api.id())) {
            throw new GatewayException(403, "Access to this API has been disallowed");
        }
        if (session.isInactive()) {
            throw new GatewayException(403, "Key is inactive, please renew");
        }
        if (session.isExpired(clock.instant())) {
            throw new GatewayException(401, "Key has expired, please renew");
        }
        exchange.setProperty(FrontExchange.SESSION, session);
        exchange.setProperty(FrontExchange.KEY, key.id());
    }

    /** A 401 with Tyk's basic-auth challenge header. */
    private static GatewayException challenge(HttpExchange http, String message) {
        http.response().putHeader("WWW-Authenticate", "Basic realm=\"tyk\"");
        return new GatewayException(401, message);
    }

    /** Tyk's {@code middleware.operations.<id>.ignoreAuthentication}: that endpoint is served as if keyless. */
    private static boolean ignoresAuthentication(Operations.Operation operation) {
        return operation != null && operation.enabled("ignoreAuthentication") != null;
    }

    /** The first token found, in the configured order; Tyk accepts an {@code Authorization: Bearer <key>} form. */
    static String token(HttpExchange http, List<ApiAuthentication.TokenLocation> locations) {
        HttpServerRequest request = http.request();
        for (ApiAuthentication.TokenLocation at : locations) {
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
