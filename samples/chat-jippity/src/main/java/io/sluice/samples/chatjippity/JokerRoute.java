package io.sluice.samples.chatjippity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.RouteBuilder;

/**
 * The "AI" of Chat Jippity: reads each chat message from the {@code chat} topic and answers on
 * {@code discussion} with a joke from a local list. A plain Camel route, as a team would write next to Sluice.
 */
public final class JokerRoute extends RouteBuilder {

    static final List<String> JOKES = List.of(
            "I asked the broker for a joke, but it only had a partition of one.",
            "Why did the consumer group break up? Too many rebalances.",
            "My WebSocket and I have a connection. It keeps pinging me.",
            "There are 10 kinds of offsets: committed ones and the ones you will read twice.",
            "I told a UDP joke once. Nobody acknowledged it.",
            "The gateway walked into a bar. 429: Rate Limit Exceeded.",
            "Why was the SSE stream calm? It never took anything personally, only events.");

    private final String brokers;
    private final AtomicInteger next = new AtomicInteger();

    public JokerRoute(String brokers) {
        this.brokers = brokers;
    }

    @Override
    public void configure() {
        from("kafka:chat?brokers=" + brokers + "&groupId=joker&autoOffsetReset=earliest"
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
                .routeId("joker")
                .process(e -> {
                    String asked = new String(e.getIn().getBody(byte[].class), StandardCharsets.UTF_8).strip();
                    e.getMessage().setBody(answer(asked));
                    e.getMessage().removeHeaders("*");
                })
                .to("kafka:discussion?brokers=" + brokers);
    }

    String answer(String asked) {
        return "In response to '" + asked + "': " + JOKES.get(Math.floorMod(next.getAndIncrement(), JOKES.size()));
    }
}
