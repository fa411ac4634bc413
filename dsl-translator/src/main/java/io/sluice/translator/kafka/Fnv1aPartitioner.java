package io.sluice.translator.kafka;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;

/**
 * Bento's default {@code fnv1a_hash} partitioner, so keyed messages land on the same partitions as under Tyk:
 * 32-bit FNV-1a of the key, Go's signed remainder by the partition count, negated when negative. A record
 * without a key goes to a random partition, as in Bento.
 */
public final class Fnv1aPartitioner implements Partitioner {

    private static final int OFFSET_BASIS = 0x811c9dc5;
    private static final int PRIME = 0x01000193;

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        int partitions = cluster.partitionsForTopic(topic).size();
        if (keyBytes == null || keyBytes.length == 0) {
            return ThreadLocalRandom.current().nextInt(partitions);
        }
        return partition(keyBytes, partitions);
    }

    static int partition(byte[] key, int partitions) {
        int hash = OFFSET_BASIS;
        for (byte b : key) {
            hash ^= b & 0xff;
            hash *= PRIME;
        }
        int p = hash % partitions; // Java's % truncates like Go's, so the sign follows the hash
        return p < 0 ? -p : p;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
