package io.sluice.routes.proxy;

import io.sluice.routes.apis.DeployedApis;
import io.sluice.routes.apis.Operations;
import io.sluice.routes.apis.PerApi;
import io.sluice.routes.front.HttpExchange;
import io.sluice.routes.front.RequestPath;
import io.sluice.translator.model.ApiDefinition;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Forwards requests for APIs without streams to their {@code upstream.url}, the way Tyk's reverse proxy does:
 * method, path (listen path removed when {@code strip}), query, end-to-end headers and body pass through, both
 * bodies streamed on the event loop (no thread, no buffering per request). Adds X-Forwarded-*, applies the global
 * header transforms, and answers 502 when the upstream cannot be reached, 504 when it does not answer in time.
 */
public final class UpstreamProxy {

    /** Tyk's message for any failure to reach the upstream. */
    static final String PROXY_ERROR = "There was a problem proxying the request";
    /** Tyk's message when the upstream did not answer within the timeout. */
    static final String TIMEOUT_ERROR = "Upstream service reached hard timeout.";

    /** Tyk's {@code proxy_default_timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** RFC 9110 §7.6.1: meaningful for one connection only, never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private final Vertx vertx;
    private final HttpClient client;
    private final PerApi<ProxySettings> settings;

    public UpstreamProxy(Vertx vertx) {
        this(vertx, DEFAULT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * @param timeout        how long the upstream may take to answer (until its response headers), unless the API
     *                       sets {@code upstream.enforceTimeout}
     * @param connectTimeout how long opening a connection to the upstream may take
     */
    public UpstreamProxy(Vertx vertx, Duration timeout, Duration connectTimeout) {
        this.vertx = vertx;
        this.settings = new PerApi<>(api -> ProxySettings.of(api, timeout));
        // no decompression: bodies pass through byte for byte, with their Content-Encoding
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis())));
    }

    /** @param operation the OpenAPI operation the request matched, or null: its {@code enforceTimeout} applies */
    public void forward(HttpExchange http, ApiDefinition api, Operations.Operation operation) {
        ProxySettings s = settings.get(api);
        if (!s.reachable()) {
            http.replyError(502, PROXY_ERROR);
            return;
        }
        HttpServerRequest in = http.request();
        in.pause(); // the body waits until the upstream connection can take it
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(s.host())
                .setPort(s.port())
                .setSsl(s.tls())
                .setURI(upstreamUri(api, s, http))
                .setHeaders(requestHeaders(in, s));

        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        long timer = vertx.setTimer(Math.max(1, s.timeout(operation).toMillis()), id -> {
            http.replyError(504, TIMEOUT_ERROR); // first: the reset below fails the request, which would say 502
            HttpClientRequest out = sent.get();
            if (out != null) {
                out.reset(); // frees the connection rather than waiting on the slow upstream
            }
        });
        client.request(options)
                .compose(out -> {
                    sent.set(out);
                    HostAndPort host = in.authority();
                    if (s.preserveHost() && host != null) {
                        out.authority(host);
                    }
                    if (hasBody(in)) {
                        return out.send(in);
                    }
                    in.resume(); // nothing to read, but the request must still end
                    return out.send();
                })
                .onSuccess(answer -> {
                    vertx.cancelTimer(timer);
                    relay(http, s, answer);
                })
                .onFailure(e -> {
                    vertx.cancelTimer(timer);
                    http.replyError(502, PROXY_ERROR); // no-op when the timeout answered first
                });
    }

    private void relay(HttpExchange http, ProxySettings s, HttpClientResponse answer) {
        if (!http.claimReply()) {
            answer.request().reset(); // timed out or the client went away: drop the upstream exchange
            return;
        }
        HttpServerResponse response = http.response();
        if (response.closed()) {
            answer.request().reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        if (answer.statusMessage() != null) {
            response.setStatusMessage(answer.statusMessage());
        }
        copyEndToEnd(answer.headers(), response.headers());
        s.responseHeaders().apply(response.headers());
        if (mayHaveBody(http.request(), answer.statusCode()) && !response.headers().contains(HttpHeaders.CONTENT_LENGTH)
                && http.request().version() == HttpVersion.HTTP_1_1) {
            response.setChunked(true); // upstream streamed without a length: stream it on the same way
        }
        answer.pipeTo(response).onFailure(e -> answer.request().reset());
    }

    private static String upstreamUri(ApiDefinition api, ProxySettings s, HttpExchange http) {
        HttpServerRequest in = http.request();
        // the path the gateway matched and authorised, never the client's own spelling of it
        String path = http.path();
        if (api.stripListenPath() && DeployedApis.matches(api.listenPath(), path)) {
            path = DeployedApis.strip(api.listenPath(), path);
        }
        return s.basePath() + RequestPath.encode(path) + (in.query() == null ? "" : "?" + in.query());
    }

    private static MultiMap requestHeaders(HttpServerRequest in, ProxySettings s) {
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        copyEndToEnd(in.headers(), out);
        out.remove(HttpHeaders.HOST); // the client writes the upstream's host (or the preserved one) itself
        String clientIp = in.remoteAddress() == null ? null : in.remoteAddress().hostAddress();
        if (clientIp != null) {
            List<String> earlier = in.headers().getAll("X-Forwarded-For");
            out.set("X-Forwarded-For", earlier.isEmpty() ? clientIp : String.join(", ", earlier) + ", " + clientIp);
        }
        // kept when present: a proxy in front of Sluice (e.g. a TLS terminator) knows better than we do
        if (!out.contains("X-Forwarded-Proto")) {
            out.set("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
        }
        String host = in.headers().get(HttpHeaders.HOST);
        if (host == null && in.authority() != null) {
            host = in.authority().toString();
        }
        if (!out.contains("X-Forwarded-Host") && host != null) {
            out.set("X-Forwarded-Host", host);
        }
        s.requestHeaders().apply(out);
        return out;
    }

    /** Copies all but hop-by-hop headers, including those the Connection header names. */
    private static void copyEndToEnd(MultiMap from, MultiMap to) {
        Set<String> named = new HashSet<>();
        for (String connection : from.getAll(HttpHeaders.CONNECTION)) {
            for (String token : connection.split(",")) {
                named.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        from.forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !named.contains(name)) {
                to.add(h.getKey(), h.getValue());
            }
        });
    }

    /** Whether a response may carry a body (RFC 9110 §6.4.1): never to HEAD, nor with 1xx, 204 or 304. */
    private static boolean mayHaveBody(HttpServerRequest in, int status) {
        return in.method() != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }

    /** Whether the client sends a body: HTTP/1 announces it by length or chunking. */
    private static boolean hasBody(HttpServerRequest in) {
        if (in.version() == HttpVersion.HTTP_2) {
            return !in.isEnded();
        }
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        return in.headers().contains(HttpHeaders.TRANSFER_ENCODING) || (length != null && !length.trim().equals("0"));
    }
}
