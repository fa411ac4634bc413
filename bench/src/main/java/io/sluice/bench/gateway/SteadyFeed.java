package io.sluice.bench.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces numbered messages at a steady rate, each carrying its send time ({@link System#nanoTime()}, which the
 * SSE clients in this same JVM can subtract from their own clock). Paced against the schedule, not the previous
 * send, so a hiccup does not lower the offered rate.
 */
final class SteadyFeed implements AutoCloseable {

    static final int MESSAGE_BYTES = 128;

    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicLong failures = new AtomicLong();

    SteadyFeed(String brokers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-feed",
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends messages {@code first .. first+count-1} at {@code perSecond}; returns once all are acknowledged. */
    void send(String topic, int first, int count, int perSecond) {
        producer.partitionsFor(topic);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            producer.send(new ProducerRecord<>(topic, payload(first + i, System.nanoTime())), (meta, error) -> {
                if (error != null) {
                    failures.incrementAndGet();
                }
            });
        }
        producer.flush();
    }

    long failures() {
        return failures.get();
    }

    /** {@code "<seq> <sentNanos> xxxx…"}, padded to {@link #MESSAGE_BYTES}. */
    static byte[] payload(int seq, long sentNanos) {
        StringBuilder s = new StringBuilder(MESSAGE_BYTES).append(seq).append(' ').append(sentNanos).append(' ');
        while (s.length() < MESSAGE_BYTES) {
            s.append('x');
        }
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        producer.close();
    }
}
