package io.sluice.samples.chatjippity;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.SluiceServer;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.EmbeddedKafka;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's walkthrough as a test: Tyk's two definitions as shipped (only the broker port differs, as the
 * test broker takes a free one), an SSE reader on /jippity-discuss/sse, a POST to /jippity-chat/chat, and the
 * joker's answer arriving through the real chat and discussion topics.
 */
class ChatJippityTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedKafka kafka;
    private SluiceServer sluice;

    @BeforeEach
    void start() throws Exception {
        kafka = EmbeddedKafka.start(0);
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0));
        for (String name : new String[] {"producer.json", "consumer.json"}) {
            String definition = Files.readString(Path.of("apis", name)).replace("localhost:9092", kafka.bootstrapServers());
            assertThat(sluice.deploy(name, definition.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
        }
        sluice.camel().addRoutes(new JokerRoute(kafka.bootstrapServers()));
    }

    @AfterEach
    void stop() {
        sluice.close();
        kafka.close();
    }

    @Test
    void theJokeArrivesOnTheDiscussionStream() throws Exception {
        HttpResponse<InputStream> sse = http.send(HttpRequest.newBuilder(uri("/jippity-discuss/sse")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(sse.statusCode()).isEqualTo(200);
        BufferedReader lines = new BufferedReader(new InputStreamReader(sse.body(), StandardCharsets.UTF_8));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return lines.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/jippity-chat/chat"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("Tell me a joke.")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isEqualTo(200);
        String answer = firstLine.get(30, TimeUnit.SECONDS);
        assertThat(answer).startsWith("In response to 'Tell me a joke.': ");
        assertThat(JokerRoute.JOKES).contains(answer.substring("In response to 'Tell me a joke.': ".length()));
        sse.body().close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + sluice.port() + path);
    }
}
