package io.sluice.routes.proxy;

import io.sluice.routes.apis.DeployedApis;
import io.sluice.routes.front.HttpExchange;
import io.sluice.translator.model.ApiDefinition;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Forwards requests for APIs without streams to their {@code upstream.url}: method, path (listen path removed
 * when {@code strip}), query, headers and body pass through, streamed both ways on the event loop. A plain
 * pass-through; header transforms, timeouts and X-Forwarded-* belong to the hardened proxy.
 */
public final class UpstreamProxy {

    /** Tyk's message for any failure to reach the upstream. */
    static final String PROXY_ERROR = "There was a problem proxying the request";

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private final HttpClient client;

    public UpstreamProxy(Vertx vertx) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64));
    }

    public void forward(HttpExchange http, ApiDefinition api) {
        HttpServerRequest in = http.request();
        URI upstream;
        try {
            upstream = URI.create(api.upstreamUrl());
        } catch (IllegalArgumentException e) {
            upstream = null;
        }
        if (upstream == null || upstream.getHost() == null || upstream.getScheme() == null) {
            http.replyError(502, PROXY_ERROR);
            return;
        }
        in.pause();
        String path = api.stripListenPath() ? DeployedApis.strip(api.listenPath(), in.path()) : in.path();
        String base = upstream.getRawPath() == null ? "" : upstream.getRawPath();
        if (base.endsWith("/") && path.startsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        boolean tls = "https".equalsIgnoreCase(upstream.getScheme());
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(upstream.getHost())
                .setPort(upstream.getPort() > 0 ? upstream.getPort() : tls ? 443 : 80)
                .setSsl(tls)
                .setURI(base + path + (in.query() == null ? "" : "?" + in.query()));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        copyHeaders(in.headers(), headers);
        options.setHeaders(headers);
        client.request(options)
                .compose(out -> out.send(in))
                .onSuccess(answer -> {
                    if (!http.claimReply()) {
                        return;
                    }
                    var response = http.response().setStatusCode(answer.statusCode());
                    copyHeaders(answer.headers(), response.headers());
                    answer.pipeTo(response);
                })
                .onFailure(e -> http.replyError(502, PROXY_ERROR));
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        from.forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                to.add(h.getKey(), h.getValue());
            }
        });
    }
}
