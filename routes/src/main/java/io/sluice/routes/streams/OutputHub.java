package io.sluice.routes.streams;

import io.sluice.routes.front.GatewayException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import io.sluice.translator.SluiceEndpoints;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * The hand-off point between a stream's route and the clients connected to its {@code http_server} output,
 * with Tyk's semantics: each message goes to exactly one client, clients take turns (round-robin, as each
 * re-joins the queue after its write completes), and with nobody connected the route is held back rather
 * than buffered: a message waits, bounded in count and time, then fails so the input redelivers it later.
 */
final class OutputHub {

    private final Vertx vertx;
    private final long waitMillis;
    private final int maxWaiting;
    private final ArrayDeque<Subscriber> ready = new ArrayDeque<>();
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private boolean closed;

    /**
     * @param waitMillis how long a message may wait for a client before the output reports failure
     * @param maxWaiting how many messages may wait at once (each holds its producer back, so this bounds memory)
     */
    OutputHub(Vertx vertx, long waitMillis, int maxWaiting) {
        this.vertx = vertx;
        this.waitMillis = waitMillis;
        this.maxWaiting = maxWaiting;
    }

    /** Hands {@code message} to the next ready client, or waits for one; {@code callback} completes the exchange. */
    void offer(Buffer message, Exchange exchange, AsyncCallback callback) {
        if (abandoned(exchange, callback)) {
            return;
        }
        Subscriber target;
        synchronized (this) {
            target = closed ? null : ready.poll();
            if (target == null && !closed && waiting.size() < maxWaiting) {
                Waiting w = new Waiting(message, exchange, callback);
                waiting.add(w);
                w.timer = vertx.setTimer(waitMillis, id -> expire(w));
                return;
            }
        }
        if (target == null) {
            fail(exchange, callback, new GatewayException(503, closed ? "Stream is shutting down"
                    : "No consumer connected and " + maxWaiting + " messages already waiting"));
            return;
        }
        deliver(target, message, exchange, callback);
    }

    /** A client can take one more message now. */
    void ready(Subscriber subscriber) {
        while (true) {
            Waiting next;
            synchronized (this) {
                if (closed) {
                    return;
                }
                next = waiting.poll();
                if (next == null) {
                    ready.add(subscriber);
                    return;
                }
            }
            vertx.cancelTimer(next.timer);
            if (!abandoned(next.exchange, next.callback)) {
                deliver(subscriber, next.message, next.exchange, next.callback);
                return;
            }
        }
    }

    /** A message whose HTTP producer was already answered without it (408) is dropped, never delivered. */
    private static boolean abandoned(Exchange exchange, AsyncCallback callback) {
        AtomicBoolean flag = exchange.getProperty(SluiceEndpoints.ABANDONED, AtomicBoolean.class);
        if (flag == null || !flag.get()) {
            return false;
        }
        fail(exchange, callback, new GatewayException(408, "The producer gave up before a consumer took the message"));
        return true;
    }

    /** @return true when the subscriber was idle and is now removed; false when a delivery to it is under way */
    synchronized boolean leave(Subscriber subscriber) {
        return ready.remove(subscriber);
    }

    synchronized int readySubscribers() {
        return ready.size();
    }

    /** Fails every waiting message (its input redelivers it) and refuses new ones. */
    void close() {
        ArrayDeque<Waiting> dropped;
        synchronized (this) {
            closed = true;
            ready.clear();
            dropped = new ArrayDeque<>(waiting);
            waiting.clear();
        }
        for (Waiting w : dropped) {
            vertx.cancelTimer(w.timer);
            fail(w.exchange, w.callback, new GatewayException(503, "Stream is shutting down"));
        }
    }

    private void deliver(Subscriber target, Buffer message, Exchange exchange, AsyncCallback callback) {
        target.deliver(message, written -> {
            if (written) {
                callback.done(false);
            } else {
                offer(message, exchange, callback); // that client left mid-write: the next one gets it
            }
        });
    }

    private void expire(Waiting w) {
        synchronized (this) {
            if (!removeWaiting(w)) {
                return; // a client took it just in time
            }
        }
        fail(w.exchange, w.callback, new GatewayException(503,
                "No consumer connected to take the message within " + waitMillis + " ms"));
    }

    private boolean removeWaiting(Waiting w) {
        for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
            if (it.next() == w) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    private static void fail(Exchange exchange, AsyncCallback callback, Exception e) {
        exchange.setException(e);
        callback.done(false);
    }

    private static final class Waiting {
        final Buffer message;
        final Exchange exchange;
        final AsyncCallback callback;
        long timer;

        Waiting(Buffer message, Exchange exchange, AsyncCallback callback) {
            this.message = message;
            this.exchange = exchange;
            this.callback = callback;
        }
    }
}
