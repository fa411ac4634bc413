package io.sluice.routes.proxy;

import io.sluice.routes.apis.DeployedApis;
import io.sluice.routes.apis.Operations;
import io.sluice.routes.apis.PerApi;
import io.sluice.routes.front.HttpExchange;
import io.sluice.routes.front.RequestPath;
import io.sluice.translator.model.ApiDefinition;
import io.vertx.core.Context;
import io.vertx.core.Future;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Forwards requests for APIs without streams to their {@code upstream.url}, the way Tyk's reverse proxy does:
 * method, path (listen path removed when {@code strip}), query, end-to-end headers and body pass through, both
 * bodies streamed on the event loop (no thread, no buffering per request). Adds X-Forwarded-*, applies the global
 * header transforms, and answers 502 when the upstream cannot be reached, 504 when it does not answer in time.
 * <p>
 * Each event loop has its own client, so an upstream connection is used by the loop that opened it: with one
 * client shared by all loops, every response would hop to the request's loop (a task hand-off and a wake-up per
 * event), which cost more CPU than the rest of the proxy in bench/proxy.
 */
public final class UpstreamProxy {

    /** Tyk's message for any failure to reach the upstream. */
    static final String PROXY_ERROR = "There was a problem proxying the request";
    /** Tyk's message when the upstream did not answer within the timeout. */
    static final String TIMEOUT_ERROR = "Upstream service reached hard timeout.";

    /** Tyk's {@code proxy_default_timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** RFC 9110 §7.6.1: meaningful for one connection only, never forwarded. Case-insensitive, without lower-casing. */
    private static final Set<String> HOP_BY_HOP = caseInsensitive("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    /** Upstream connections per event loop (each loop has its own pool); requests beyond it wait for one. */
    static final int POOL_SIZE_PER_EVENT_LOOP = 64;

    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    /** For calls from outside any event loop (none today: the dispatcher forwards on the request's loop). */
    private final HttpClient sharedClient;
    /** Per event-loop thread, its own client: connections then stay on the loop of the requests using them. */
    private final Map<Thread, HttpClient> loopClients = new ConcurrentHashMap<>();
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
        this.clientOptions = new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(POOL_SIZE_PER_EVENT_LOOP)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        this.sharedClient = vertx.createHttpClient(clientOptions);
    }

    /** The calling event loop's client (made on first use), or the shared one off the event loops. */
    private HttpClient client() {
        if (!Context.isOnEventLoopThread()) {
            return sharedClient;
        }
        return loopClients.computeIfAbsent(Thread.currentThread(), t -> vertx.createHttpClient(clientOptions));
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
        client().request(options)
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
        Future<Void> received = answer.end(); // taken now: asking once the response has ended would throw
        if (!http.claimReply()) {
            abandon(answer, received); // timed out or the client went away: drop the upstream exchange
            return;
        }
        HttpServerResponse response = http.response();
        if (response.closed()) {
            abandon(answer, received);
            return;
        }
        response.setStatusCode(answer.statusCode());
        String reason = answer.statusMessage();
        // the code already brings its standard phrase; setting it again would build a status object per reply
        if (reason != null && !reason.equals(response.getStatusMessage())) {
            response.setStatusMessage(reason);
        }
        copyEndToEnd(answer.headers(), response.headers());
        s.responseHeaders().apply(response.headers());
        if (mayHaveBody(http.request(), answer.statusCode()) && !response.headers().contains(HttpHeaders.CONTENT_LENGTH)
                && http.request().version() == HttpVersion.HTTP_1_1) {
            response.setChunked(true); // upstream streamed without a length: stream it on the same way
        }
        // The body is relayed by hand rather than with Vert.x's pipe: when the client has gone, the pipe ends the
        // response from inside the failed write (IllegalStateException, a buffer released twice). Here a failed
        // write is left alone and the client's connection closing is what stops the relay.
        answer.handler(chunk -> {
            response.write(chunk);
            if (response.writeQueueFull()) {
                answer.pause();
                response.drainHandler(v -> answer.resume());
            }
        });
        answer.endHandler(v -> response.end());
        answer.exceptionHandler(e -> {
            if (!response.ended()) {
                response.end(); // the upstream failed mid-body: finish what the client got, as before
            }
        });
        response.closeHandler(v -> abandon(answer, received));
    }

    /**
     * Drops an upstream exchange whose answer nobody will read. Only a response still arriving is reset: resetting
     * one that has fully arrived closes its pooled connection, which by then may carry another request (Vert.x 4.5,
     * eclipse-vertx/vert.x#6294), and that request would fail with 502. The response may have arrived but still sit
     * in its paused buffer, so the rest is drained first and the reset decided on the next turn of this event loop,
     * when what was received has been read.
     */
    private void abandon(HttpClientResponse answer, Future<Void> received) {
        if (received.isComplete()) {
            return;
        }
        // the rest is dropped; a reset below is ours, nothing to report
        answer.handler(null).endHandler(null).exceptionHandler(e -> { });
        answer.resume();
        vertx.runOnContext(v -> {
            if (!received.isComplete()) {
                answer.request().reset();
            }
        });
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
        List<String> connection = from.getAll(HttpHeaders.CONNECTION);
        Set<String> named = connection.isEmpty() ? Set.of() : new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String value : connection) {
            for (String token : value.split(",")) {
                named.add(token.trim());
            }
        }
        from.forEach(h -> {
            String name = h.getKey();
            if (!HOP_BY_HOP.contains(name) && !named.contains(name)) {
                to.add(name, h.getValue());
            }
        });
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return Collections.unmodifiableSet(set);
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
