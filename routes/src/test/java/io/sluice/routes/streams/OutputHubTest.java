package io.sluice.routes.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.routes.front.GatewayException;
import io.sluice.translator.SluiceEndpoints;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hand-off rules of an http_server output: one client per message, in turn, bounded waiting. */
class OutputHubTest {

    private final Vertx vertx = Vertx.vertx();
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void close() {
        vertx.close();
    }

    /** A client that takes every message it is given and re-joins the queue, as a stream client does. */
    private static final class Client implements Subscriber {
        final List<String> got = new CopyOnWriteArrayList<>();
        final OutputHub hub;

        Client(OutputHub hub) {
            this.hub = hub;
        }

        @Override
        public void deliver(Buffer message, Consumer<Boolean> written) {
            got.add(message.toString());
            written.accept(true);
            hub.ready(this);
        }
    }

    private record Offer(Exchange exchange, AtomicBoolean done) {
    }

    private Offer offer(OutputHub hub, String message) {
        Exchange e = new DefaultExchange(camel);
        AtomicBoolean done = new AtomicBoolean();
        hub.offer(Buffer.buffer(message), e, sync -> done.set(true));
        return new Offer(e, done);
    }

    @Test
    void clientsTakeTurnsAndEachMessageGoesToOne() {
        OutputHub hub = new OutputHub(vertx, 5000, 10);
        Client a = new Client(hub);
        Client b = new Client(hub);
        hub.ready(a);
        hub.ready(b);
        for (int i = 0; i < 6; i++) {
            assertThat(offer(hub, "m" + i).done()).isTrue();
        }
        assertThat(a.got).containsExactly("m0", "m2", "m4");
        assertThat(b.got).containsExactly("m1", "m3", "m5");
    }

    @Test
    void aMessageWaitsForAClientThenFailsSoItsInputRedeliversIt() {
        OutputHub hub = new OutputHub(vertx, 200, 10);
        Offer waiting = offer(hub, "early");
        assertThat(waiting.done()).isFalse();
        Client late = new Client(hub);
        hub.ready(late);
        assertThat(late.got).containsExactly("early");
        assertThat(waiting.done()).isTrue();
        assertThat(waiting.exchange().getException()).isNull();

        assertThat(hub.leave(late)).as("the client re-joined after its write; now it disconnects").isTrue();
        Offer expires = offer(hub, "expires");
        await().atMost(Duration.ofSeconds(5)).untilTrue(expires.done());
        assertThat(expires.exchange().getException()).isInstanceOf(GatewayException.class)
                .hasMessageContaining("No consumer connected");
    }

    @Test
    void waitingIsBoundedInCount() {
        OutputHub hub = new OutputHub(vertx, 5000, 2);
        offer(hub, "1");
        offer(hub, "2");
        Offer third = offer(hub, "3");
        assertThat(third.done()).isTrue();
        assertThat(((GatewayException) third.exchange().getException()).status()).isEqualTo(503);
    }

    @Test
    void abandonedMessagesAreDroppedNotDelivered() {
        OutputHub hub = new OutputHub(vertx, 5000, 10);
        Exchange e = new DefaultExchange(camel);
        AtomicBoolean abandoned = new AtomicBoolean();
        e.setProperty(SluiceEndpoints.ABANDONED, abandoned);
        AtomicBoolean done = new AtomicBoolean();
        hub.offer(Buffer.buffer("stale"), e, sync -> done.set(true));
        abandoned.set(true); // its producer got 408 meanwhile
        Client client = new Client(hub);
        hub.ready(client);
        assertThat(client.got).isEmpty();
        assertThat(done).isTrue();
        assertThat(offer(hub, "fresh").done()).isTrue();
        assertThat(client.got).containsExactly("fresh");
    }

    @Test
    void closingFailsWaitingMessages() {
        OutputHub hub = new OutputHub(vertx, 5000, 10);
        Offer waiting = offer(hub, "pending");
        hub.close();
        assertThat(waiting.done()).isTrue();
        assertThat(waiting.exchange().getException()).hasMessageContaining("shutting down");
    }
}
