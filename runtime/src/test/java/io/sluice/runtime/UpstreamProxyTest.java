package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.sluice.runtime.config.SluiceConfig;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The upstream proxy against a real HTTP upstream: pass-through, header hygiene, transforms, streaming, failures. */
class UpstreamProxyTest {

    static SluiceServer sluice;
    static HttpServer upstream;
    static ExecutorService upstreamThreads;
    /** The headers of the last request the upstream saw. */
    static final AtomicReference<Headers> seen = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        upstreamThreads = Executors.newCachedThreadPool();
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.setExecutor(upstreamThreads);
        upstream.createContext("/", exchange -> {
            if (!exchange.getRequestURI().getPath().startsWith("/base/load/")) { // load tests' requests arrive late
                seen.set(exchange.getRequestHeaders());
            }
            if (exchange.getRequestURI().getPath().endsWith("/big")) {
                exchange.sendResponseHeaders(200, 0); // chunked: echoes the body as it arrives
                try (InputStream body = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                    body.transferTo(out);
                }
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] answer = (exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Upstream", "yes");
            exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic");
            exchange.getResponseHeaders().add("Trailer", "X-Checksum");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        upstream.start();
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0));
        String url = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/base";
        deploy("strip", "/strip/", true, "\"url\":\"" + url + "\"", "");
        deploy("full", "/full/", false, "\"url\":\"" + url + "\"", "");
        deploy("host", "/host/", true, "\"url\":\"" + url + "\",\"preserveHostHeader\":{\"enabled\":true}", "");
        deploy("xform", "/xform/", true, "\"url\":\"" + url + "\"", """
                ,"middleware":{"global":{
                   "transformRequestHeaders":{"enabled":true,"add":[{"name":"X-Added","value":"by-gateway"}],
                                              "remove":["X-Remove-Me"]},
                   "transformResponseHeaders":{"enabled":true,"add":[{"name":"X-Resp","value":"added"}],
                                               "remove":["X-Upstream"]}}}""");
    }

    @AfterAll
    static void stop() {
        sluice.close();
        upstream.stop(0);
        upstreamThreads.shutdownNow();
    }

    private static void deploy(String name, String listenPath, boolean strip, String upstreamFields, String extra) {
        String json = """
                {"openapi":"3.0.3","info":{"title":"%1$s","version":"1"},"paths":{},
                 "x-tyk-api-gateway":{"info":{"name":"%1$s","state":{"active":true}},
                   "server":{"listenPath":{"value":"%2$s","strip":%3$s}},
                   "upstream":{%4$s}%5$s}}""".formatted(name, listenPath, strip, upstreamFields, extra);
        assertThat(sluice.deploy(name + ".json", json.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClients.CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sluice.port() + path));
    }

    @Test
    void methodPathQueryAndBodyPassThroughWithTheListenPathStripped() throws Exception {
        HttpResponse<String> post = HttpClients.post(sluice.port(), "/strip/orders/7?full=1&q=a%20b", "payload");
        assertThat(post.statusCode()).isEqualTo(201);
        assertThat(post.body()).isEqualTo("POST /base/orders/7?full=1&q=a%20b payload");
        assertThat(post.headers().firstValue("X-Upstream")).hasValue("yes");

        HttpResponse<String> get = HttpClients.get(sluice.port(), "/strip/items");
        assertThat(get.body()).isEqualTo("GET /base/items ");
    }

    @Test
    void withoutStripTheFullPathIsForwarded() throws Exception {
        HttpResponse<String> r = send(to("/full/orders/7?x=1").method("PATCH", HttpRequest.BodyPublishers.ofString("p")));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEqualTo("PATCH /base/full/orders/7?x=1 p");
    }

    @Test
    void hopByHopHeadersAreDroppedBothWays() throws Exception {
        // raw HTTP: java.net.http refuses to send Connection itself
        String response;
        try (Socket socket = new Socket("127.0.0.1", sluice.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /strip/hop HTTP/1.1\r\nHost: gw.example\r\n"
                    + "Connection: close, X-Hop\r\nX-Hop: secret\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\n"
                    + "Proxy-Authorization: Basic eDp5\r\nTrailer: X-Sum\r\nX-End-To-End: kept\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            response = readResponse(socket.getInputStream());
        }
        assertThat(response).startsWith("HTTP/1.1 201").contains("GET /base/hop ");
        assertThat(response.toLowerCase()).doesNotContain("proxy-authenticate").doesNotContain("trailer:");

        Headers h = seen.get();
        assertThat(h.getFirst("X-End-To-End")).isEqualTo("kept");
        for (String hop : new String[] {"X-Hop", "Keep-Alive", "TE", "Proxy-Authorization", "Trailer"}) {
            assertThat(h.containsKey(hop)).as(hop).isFalse();
        }
        assertThat(h.getFirst("Connection")).isNotEqualTo("close, X-Hop");
        assertThat(h.getFirst("Host")).isEqualTo("127.0.0.1:" + upstream.getAddress().getPort());
        assertThat(h.getFirst("X-Forwarded-Host")).isEqualTo("gw.example");
    }

    /** One HTTP/1.1 response with a Content-Length, headers and body, as text. */
    private static String readResponse(InputStream in) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("response ended early: " + head).isNotEqualTo(-1);
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(headers);
        assertThat(length.find()).as(headers).isTrue();
        return headers + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.ISO_8859_1);
    }

    @Test
    void forwardedHeadersAreAddedAndForIsAppendedTo() throws Exception {
        HttpResponse<String> r = send(to("/strip/fwd").header("X-Forwarded-For", "10.0.0.1").GET());
        assertThat(r.statusCode()).isEqualTo(201);
        Headers h = seen.get();
        assertThat(h.getFirst("X-Forwarded-For")).isEqualTo("10.0.0.1, 127.0.0.1");
        assertThat(h.getFirst("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(h.getFirst("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + sluice.port());
    }

    @Test
    void preserveHostHeaderSendsTheClientsHost() throws Exception {
        assertThat(HttpClients.get(sluice.port(), "/host/h").statusCode()).isEqualTo(201);
        assertThat(seen.get().getFirst("Host")).isEqualTo("127.0.0.1:" + sluice.port());
    }

    @Test
    void globalHeaderTransformsApplyBothWays() throws Exception {
        HttpResponse<String> r = send(to("/xform/t").header("X-Remove-Me", "1").header("X-Stays", "2").GET());
        assertThat(r.statusCode()).isEqualTo(201);
        Headers h = seen.get();
        assertThat(h.getFirst("X-Added")).isEqualTo("by-gateway");
        assertThat(h.containsKey("X-Remove-Me")).isFalse();
        assertThat(h.getFirst("X-Stays")).isEqualTo("2");
        assertThat(r.headers().firstValue("X-Resp")).hasValue("added");
        assertThat(r.headers().firstValue("X-Upstream")).isEmpty();
    }

    @Test
    void aLargeBodyStreamsThroughIntact() throws Exception {
        byte[] body = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(body);
        HttpResponse<byte[]> r = HttpClients.CLIENT.send(to("/strip/big").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(r.body()).isEqualTo(body);
    }

    @Test
    void clientsThatHangUpDoNotCostOtherClientsTheirAnswers() throws Exception {
        // A client gone before its answer makes the proxy drop that upstream exchange (drained, or reset while still
        // arriving). The pooled upstream connections must stay usable for everyone else: no 502, no request left
        // hanging. (The 502s bench/proxy saw came from resetting exchanges whose answer had fully arrived.)
        byte[] hangUp = "GET /strip/load/gone HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        // what the event loops throw and nobody handles (Vert.x would only log it)
        Vertx vertx = sluice.camel().getRegistry().lookupByNameAndType("vertx", Vertx.class);
        Queue<Throwable> unhandled = new ConcurrentLinkedQueue<>();
        vertx.exceptionHandler(unhandled::add);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                results.add(clients.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        try (Socket socket = new Socket("127.0.0.1", sluice.port())) {
                            socket.setSoLinger(true, 0); // closes with a reset, at once
                            socket.getOutputStream().write(hangUp);
                        }
                        statuses.add(HttpClients.CLIENT.send(to("/strip/load/stays").timeout(Duration.ofSeconds(10)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> r : results) {
                assertThat(r.get()).containsOnly(201);
            }
            assertThat(unhandled).isEmpty();
        } finally {
            vertx.exceptionHandler(null);
            clients.shutdownNow();
        }
    }

    @Test
    void anUnreachableUpstreamIs502() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        deploy("down", "/down/", true, "\"url\":\"http://127.0.0.1:" + closedPort + "\"", "");
        HttpResponse<String> r = HttpClients.get(sluice.port(), "/down/x");
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).isEqualTo("{\"error\":\"There was a problem proxying the request\"}");
    }

    @Test
    void anUpstreamThatNeverAnswersIs504AfterEnforceTimeout() throws Exception {
        // the kernel accepts connections into the backlog; nobody ever reads or answers them
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            deploy("slow", "/slow/", true, "\"url\":\"http://127.0.0.1:" + silent.getLocalPort()
                    + "\",\"enforceTimeout\":{\"enabled\":true,\"value\":1}", "");
            long started = System.nanoTime();
            HttpResponse<String> r = HttpClients.post(sluice.port(), "/slow/x", "anyone?");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(r.statusCode()).isEqualTo(504);
            assertThat(r.body()).isEqualTo("{\"error\":\"Upstream service reached hard timeout.\"}");
            assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        }
    }

    @Test
    void anOperationsEnforceTimeoutWinsOverTheDefault() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String doc = """
                    {"openapi":"3.0.3","info":{"title":"op-timeout","version":"1"},
                     "paths":{"/report/{id}":{"post":{"operationId":"makeReport"}}},
                     "x-tyk-api-gateway":{"info":{"name":"op-timeout","state":{"active":true}},
                       "server":{"listenPath":{"value":"/op-timeout/","strip":true}},
                       "upstream":{"url":"http://127.0.0.1:%d"},
                       "middleware":{"operations":{"makeReport":{"enforceTimeout":{"enabled":true,"value":1}}}}}}
                    """.formatted(silent.getLocalPort());
            assertThat(sluice.deploy("op-timeout.json", doc.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
            long started = System.nanoTime();
            HttpResponse<String> r = HttpClients.post(sluice.port(), "/op-timeout/report/7", "slow one");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(r.statusCode()).isEqualTo(504);
            assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5)); // not the 30 s default
        }
    }
}
