package io.sluice.samples.chatjippity;

import io.sluice.runtime.SluiceServer;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.EmbeddedKafka;
import java.nio.file.Path;

/**
 * The whole demo in one process: a real Kafka broker on localhost:9092, Sluice on :8080 serving Tyk's two
 * Chat Jippity definitions unchanged, and the joker route in Sluice's own CamelContext.
 */
public final class ChatJippityDemo {

    private ChatJippityDemo() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path apis = Path.of(args.length > 0 ? args[0] : "samples/chat-jippity/apis");
        EmbeddedKafka kafka = EmbeddedKafka.start(9092);
        kafka.createTopic("chat", 1); // created up front, so no client warns about a topic it cannot see yet
        kafka.createTopic("discussion", 1);
        SluiceServer sluice = SluiceServer.start(SluiceConfig.defaults().withAppPath(apis));
        sluice.loadAppPath().forEach(o -> System.out.println(o.deployed()
                ? "Serving " + o.plan().api().name() + " at " + o.plan().api().listenPath() + "/  (" + o.source() + ")"
                : "Could not load " + o.source() + ": " + o.problems()));
        sluice.camel().addRoutes(new JokerRoute(kafka.bootstrapServers()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sluice.close();
            kafka.close();
        }));
        System.out.println("""

                Chat Jippity is up: Kafka on %s, Sluice on http://localhost:%d
                In one terminal:     curl -N localhost:%2$d/jippity-discuss/sse
                In another:          curl -X POST localhost:%2$d/jippity-chat/chat -d "Tell me a joke."
                Ctrl+C stops everything.""".formatted(kafka.bootstrapServers(), sluice.port()));
        Thread.currentThread().join();
    }
}
