package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.sluice.runtime.config.SluiceConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway front without a broker: matching, the HTTP-to-HTTP bridge, the proxy, and many open streams. */
class GatewayFrontTest {

    static SluiceServer sluice;

    @BeforeAll
    static void start() throws Exception {
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0));
        deploy("bridge", Definitions.streamApi("bridge", Definitions.httpIn("/in", "1s"),
                Definitions.httpOut("\"path\":\"/out\",\"stream_path\":\"/events\",\"timeout\":\"10s\"")));
    }

    @AfterAll
    static void stop() {
        sluice.close();
    }

    private static void deploy(String name, byte[] definition) {
        assertThat(sluice.deploy(name + ".json", definition).problems()).isEmpty();
    }

    @Test
    void postWithNobodyListeningTimesOutWith408() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> r = HttpClients.post(sluice.port(), "/bridge/in", "nobody hears this");
        assertThat(r.statusCode()).isEqualTo(408);
        assertThat(r.body()).isEqualTo("{\"error\":\"Request timed out\"}");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
    }

    @Test
    void postIsAnsweredOnceALongPollerTookTheMessage() throws Exception {
        CompletableFuture<HttpResponse<String>> poll = HttpClients.getAsync(sluice.port(), "/bridge/out");
        HttpResponse<String> post = null;
        for (int attempt = 0; attempt < 5 && (post == null || post.statusCode() == 408); attempt++) {
            post = HttpClients.post(sluice.port(), "/bridge/in", "hand-off"); // the GET may not be parked yet
        }
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(poll.get(10, TimeUnit.SECONDS).body()).isEqualTo("hand-off");
    }

    @Test
    void inactiveApisAreNotServed() throws Exception {
        String off = new String(Definitions.streamApi("dormant", Definitions.httpIn("/in", "1s"), "{\"drop\":{}}"),
                StandardCharsets.UTF_8).replace("\"active\":true", "\"active\":false");
        deploy("dormant", off.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClients.post(sluice.port(), "/dormant/in", "x");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("no API listens on /dormant/in");
    }

    @Test
    void apisWithoutStreamsAreProxiedToTheirUpstream() throws Exception {
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] answer = (exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Upstream", "yes");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        upstream.start();
        try {
            String rest = """
                    {"openapi":"3.0.3","info":{"title":"rest","version":"1"},"paths":{},
                     "x-tyk-api-gateway":{"info":{"name":"rest","state":{"active":true}},
                       "server":{"listenPath":{"value":"/rest/","strip":true}},
                       "upstream":{"url":"http://127.0.0.1:%d/base"}}}""".formatted(upstream.getAddress().getPort());
            deploy("rest", rest.getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = HttpClients.post(sluice.port(), "/rest/orders/7?full=1", "payload");
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(r.body()).isEqualTo("POST /base/orders/7?full=1 payload");
            assertThat(r.headers().firstValue("X-Upstream")).hasValue("yes");
        } finally {
            upstream.stop(0);
        }
    }

    @Test
    void anUnreachableUpstreamIs502() throws Exception {
        deploy("empty", """
                {"openapi":"3.0.3","info":{"title":"empty","version":"1"},"paths":{},
                 "x-tyk-api-gateway":{"info":{"name":"empty","state":{"active":true}},
                   "server":{"listenPath":{"value":"/empty/"}},"upstream":{"url":""}}}""".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClients.get(sluice.port(), "/empty/anything");
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).isEqualTo("{\"error\":\"There was a problem proxying the request\"}");
    }

    @Test
    void withStreamingOffAStreamsApiFallsThroughToItsUpstreamAsInTyk() throws Exception {
        try (SluiceServer off = SluiceServer.start(SluiceConfig.defaults().withPort(0).withStreaming(false))) {
            assertThat(off.deploy("s.json", Definitions.streamApi("s", Definitions.httpIn("/in", "1s"), "{\"drop\":{}}"))
                    .problems()).isEmpty();
            HttpResponse<String> r = HttpClients.post(off.port(), "/s/in", "x");
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(r.body()).contains("There was a problem proxying the request");
        }
    }

    /** Camel's platform-http would pin one of 20 worker threads per open stream; Sluice holds none. */
    @Test
    void twoHundredOpenStreamsAreAllServed() throws Exception {
        int clients = 200;
        Map<Integer, List<String>> received = new ConcurrentHashMap<>();
        List<CompletableFuture<HttpResponse<Void>>> streams = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int id = i;
            received.put(id, new ArrayList<>());
            streams.add(HttpClients.CLIENT.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sluice.port() + "/bridge/events")).build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(new LineCollector(received.get(id)))));
        }
        for (int i = 0; i < clients; i++) {
            HttpResponse<String> post = HttpClients.post(sluice.port(), "/bridge/in", "m" + i);
            assertThat(post.statusCode()).as("POST %d", i).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> received.values().stream().mapToInt(l -> size(l)).sum() == clients);
        Set<String> all = new HashSet<>();
        received.values().forEach(l -> {
            synchronized (l) {
                all.addAll(l);
            }
        });
        assertThat(all).hasSize(clients);
        assertThat(received.values().stream().filter(l -> size(l) > 0).count()).isGreaterThanOrEqualTo(clients * 9 / 10);
        streams.forEach(s -> s.cancel(true));
    }

    private static int size(List<String> l) {
        synchronized (l) {
            return l.size();
        }
    }

    /** Collects lines without a thread of its own, as a browser's EventSource would. */
    private record LineCollector(List<String> lines) implements Flow.Subscriber<String> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            synchronized (lines) {
                lines.add(line);
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }
}
