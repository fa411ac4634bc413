package io.sluice.routes.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.routes.apis.Operations;
import io.sluice.translator.model.ApiDefinition;
import java.net.URI;
import java.time.Duration;

/**
 * What the proxy needs of one API definition, read once per deployed definition.
 *
 * @param host         null when {@code upstream.url} is missing or not an absolute http(s) URL: every request is 502
 * @param basePath     the upstream URL's path without a trailing {@code /}, prepended to every forwarded path
 * @param timeout      {@code upstream.enforceTimeout} when enabled, else the proxy's default; an operation's own
 *                     {@code enforceTimeout} wins over both ({@link #timeout(Operations.Operation)})
 */
record ProxySettings(String host, int port, boolean tls, String basePath, boolean preserveHost, Duration timeout,
                     HeaderTransform requestHeaders, HeaderTransform responseHeaders) {

    static ProxySettings of(ApiDefinition api, Duration defaultTimeout) {
        JsonNode gateway = api.document() == null ? null : api.document().path("x-tyk-api-gateway");
        JsonNode upstream = gateway == null ? null : gateway.path("upstream");
        JsonNode global = gateway == null ? null : gateway.path("middleware").path("global");
        boolean preserveHost = upstream != null && upstream.path("preserveHostHeader").path("enabled").asBoolean(false);
        Duration enforced = upstream == null ? null : enforcedTimeout(upstream.path("enforceTimeout"));
        Duration timeout = enforced == null ? defaultTimeout : enforced;
        HeaderTransform request = HeaderTransform.of(global == null ? null : global.get("transformRequestHeaders"));
        HeaderTransform response = HeaderTransform.of(global == null ? null : global.get("transformResponseHeaders"));

        URI url = parse(api.upstreamUrl());
        if (url == null) {
            return new ProxySettings(null, 0, false, "", preserveHost, timeout, request, response);
        }
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        String base = url.getRawPath() == null ? "" : url.getRawPath();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
        return new ProxySettings(url.getHost(), port, tls, base, preserveHost, timeout, request, response);
    }

    /** The operation's {@code enforceTimeout} when it has one enabled, else the API's. */
    Duration timeout(Operations.Operation operation) {
        Duration own = operation == null ? null : enforcedTimeout(operation.enabled("enforceTimeout"));
        return own == null ? timeout : own;
    }

    /** Tyk's {@code enforceTimeout {enabled, value}}, value in seconds; null when off or not positive. */
    private static Duration enforcedTimeout(JsonNode enforce) {
        if (enforce == null || !enforce.path("enabled").asBoolean(false) || enforce.path("value").asDouble(0) <= 0) {
            return null;
        }
        return Duration.ofMillis(Math.round(enforce.path("value").asDouble() * 1000));
    }

    boolean reachable() {
        return host != null;
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme();
            boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            return http && uri.getHost() != null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
