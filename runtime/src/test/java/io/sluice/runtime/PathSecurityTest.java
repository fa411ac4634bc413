package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.sluice.runtime.config.SluiceConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Path tricks against a protected proxy API ({@code /api}), a protected stream API ({@code /events}) and a keyless
 * catch-all ({@code /}) on the same upstream: every spelling of a protected path must meet that API's auth, and
 * no path may crash the front. Requests go over raw sockets, so the paths reach the gateway exactly as written.
 */
class PathSecurityTest {

    static final String SECRET = "path-secret";
    static SluiceServer sluice;
    static HttpServer upstream;
    /** What the upstream saw: "<X-Via> <raw request path> <Authorization>". */
    static final Queue<String> seen = new ConcurrentLinkedQueue<>();
    static String key;

    @BeforeAll
    static void start() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            seen.add(exchange.getRequestHeaders().getFirst("X-Via") + " " + exchange.getRequestURI().getRawPath()
                    + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        upstream.start();
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0).withSecret(SECRET));
        String url = "http://127.0.0.1:" + upstream.getAddress().getPort();
        deploy("protected", "/api", false, url, true, "");
        deploy("public", "/", false, url, false, "");
        deploy("events", "/events", true, "", true, """
                ,"x-tyk-streaming":{"streams":{"s":{"input":{"http_server":{"path":"/in","timeout":"2s"}},
                    "output":{"http_server":{"stream_path":"/sse"}}}}}""");
        key = new ObjectMapper().readTree(HttpClients.admin(sluice.port(), SECRET, "POST", "/tyk/keys/create", """
                {"access_rights":{"protected":{"api_id":"protected","versions":["Default"]},
                                  "events":{"api_id":"events","versions":["Default"]}}}""").body()).path("key").asText();
        assertThat(key).isNotEmpty();
    }

    private static void deploy(String id, String listenPath, boolean strip, String upstreamUrl, boolean auth, String streams) {
        String security = auth ? """
                "components":{"securitySchemes":{"authToken":{"type":"apiKey","in":"header","name":"Authorization"}}},
                "security":[{"authToken":[]}],""" : "";
        String authentication = auth
                ? "\"authentication\":{\"enabled\":true,\"securitySchemes\":{\"authToken\":{\"enabled\":true}}},"
                : "";
        String doc = """
                {"openapi":"3.0.3","info":{"title":"%1$s","version":"1"},"paths":{},%2$s
                 "x-tyk-api-gateway":{"info":{"id":"%1$s","name":"%1$s","state":{"active":true}},
                   "server":{%3$s"listenPath":{"value":"%4$s","strip":%5$s}},"upstream":{"url":"%6$s"},
                   "middleware":{"global":{"transformRequestHeaders":{"enabled":true,
                     "add":[{"name":"X-Via","value":"%1$s"}]}}}}%7$s}
                """.formatted(id, security, authentication, listenPath, strip, upstreamUrl, streams);
        assertThat(sluice.deploy(id + ".json", doc.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
    }

    @AfterAll
    static void stop() {
        sluice.close();
        upstream.stop(0);
    }

    @BeforeEach
    void forget() {
        seen.clear();
    }

    /** Each trick resolves to a protected path, so without a key it meets that API's 401, and with one it is served. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ' ', value = {
            "/api/data /api/data",
            "//api/data /api/data",
            "/api//data /api/data",
            "/public/../api/data /api/data",
            "/public/%2e%2e/api/data /api/data",
            "/public/.%2E/api/data /api/data",
            "/public%2F..%2Fapi/data /api/data",
            "/api%2Fdata /api/data",
            "/%61pi/data /api/data",
            "/api;jsessionid=x/data /api/data",
            "/api/./data /api/data",
            "/api/data/x/.. /api/data/",
            "/api /api",
    })
    void everySpellingOfAProtectedPathMeetsItsAuth(String trick, String upstreamPath) throws Exception {
        assertThat(raw("GET " + trick + " HTTP/1.1", null)).startsWith("HTTP/1.1 401");
        assertThat(seen).isEmpty();

        assertThat(raw("GET " + trick + " HTTP/1.1", key)).startsWith("HTTP/1.1 200");
        assertThat(seen).containsExactly("protected " + upstreamPath + " " + key);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ' ', value = {
            "/events/sse", "//events/sse", "/events/../events/sse", "/events%2Fsse", "/x/%2e%2e/events/sse",
            "/events/sse;v=1", "/events/./sse", "/%65vents/sse"})
    void everySpellingOfAStreamPathMeetsItsAuth(String trick) throws Exception {
        assertThat(raw("GET " + trick + " HTTP/1.1", null)).startsWith("HTTP/1.1 401");
        String served = raw("GET " + trick + " HTTP/1.1", key);
        assertThat(served).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
        assertThat(seen).isEmpty();
    }

    /** Paths that leave the protected API go to the catch-all, and the upstream reads exactly what was matched. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ' ', value = {
            "/api/../secret /secret",
            "/api/%2e%2e/secret /secret",
            "/API/data /API/data",
            "/apidata /apidata",
            "/api%3Bx/data /api%3Bx/data",
            "/public/%252e%252e/api /public/%252e%252e/api",
    })
    void pathsOutsideTheProtectedApiReachTheUpstreamAsMatched(String trick, String upstreamPath) throws Exception {
        assertThat(raw("GET " + trick + " HTTP/1.1", null)).startsWith("HTTP/1.1 200");
        assertThat(seen).containsExactly("public " + upstreamPath + " null");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ' ', value = {
            "/api/%zz 400", "/api/% 400", "/api/%C3%28 400", "/api/%00 400", "/api/a%0Db 400",
            "/api%5C..%5Csecret 400", "/public\\..\\api\\data 400"})
    void malformedPathsAreRefusedBeforeAnyApiSeesThem(String trick, int status) throws Exception {
        assertThat(raw("GET " + trick + " HTTP/1.1", key)).startsWith("HTTP/1.1 " + status);
        assertThat(seen).isEmpty();
    }

    @Test
    void overLongPathsAreRefusedAndTheFrontKeepsServing() throws Exception {
        assertThat(raw("GET /api/" + "a".repeat(3000) + " HTTP/1.1", key)).startsWith("HTTP/1.1 414");
        String huge = raw("GET /api/" + "a".repeat(20_000) + " HTTP/1.1", key);
        assertThat(huge).startsWith("HTTP/1.0 414"); // Vert.x's request-line limit (4096) answers before the front
        assertThat(seen).isEmpty();
        assertThat(raw("GET /api/data HTTP/1.1", key)).startsWith("HTTP/1.1 200");
    }

    /** Random mixes of path tricks: no 5xx, and the protected upstream API is never reached without the key. */
    @Test
    void randomPathTricksNeverBypassAuthNorCrashTheFront() throws Exception {
        List<String> parts = List.of("api", "API", "events", "sse", "public", "..", ".", "%2e%2e", "%2E", "%2F", "",
                ";x", "%3B", "%00", "%zz", "%", "data", "%61pi", "\\", "%5C", "%C3%A9", "%FF");
        Random random = new Random(4711);
        for (int i = 0; i < 300; i++) {
            StringBuilder path = new StringBuilder();
            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                path.append('/').append(parts.get(random.nextInt(parts.size())));
                if (random.nextInt(4) == 0) {
                    path.append(parts.get(random.nextInt(parts.size())));
                }
            }
            String response = raw("GET " + path + " HTTP/1.1", null);
            assertThat(response).as(path.toString()).matches("(?s)HTTP/1.1 [234]\\d\\d .*");
        }
        assertThat(seen).allMatch(s -> s.startsWith("public "));
    }

    /** One request on its own connection; returns the status line and headers (and any body sent before close). */
    private static String raw(String requestLine, String authorization) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sluice.port())) {
            socket.setSoTimeout(5_000);
            String request = requestLine + "\r\nHost: gw.example\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return readHead(socket.getInputStream());
        }
    }

    /** Reads up to the end of the response head: streams (SSE) stay open, so reading to EOF would not end. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // the gateway closed or stalled: whatever arrived is the answer
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
