package io.sluice.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.sluice.auth.KeyStore;
import io.sluice.limits.LimitStore;

/**
 * tyk.conf's {@code storage}: one Redis that every node of a cluster shares, holding the keys, the rate-limit
 * buckets and the quota counters. Opening it connects, so a wrong host, port, password or database fails at
 * start, not at the first request. Closing it closes the connections and the client's threads.
 */
public final class RedisStorage implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> text;
    private final StatefulRedisConnection<String, byte[]> binary;
    private final RedisKeyStore keys;
    private final RedisLimitStore limits;

    private RedisStorage(RedisClient client, StatefulRedisConnection<String, String> text,
                         StatefulRedisConnection<String, byte[]> binary) {
        this.client = client;
        this.text = text;
        this.binary = binary;
        this.keys = new RedisKeyStore(text.sync());
        this.limits = new RedisLimitStore(text.sync(), binary);
    }

    /** @param uri where, and with which credentials, database and TLS settings */
    public static RedisStorage open(RedisURI uri) {
        RedisClient client = RedisClient.create(uri);
        try {
            // Connecting runs Redis's handshake (HELLO/AUTH, SELECT): bad credentials or database fail here.
            StatefulRedisConnection<String, String> text = client.connect();
            // bucket4j keeps each bucket's state as bytes
            StatefulRedisConnection<String, byte[]> binary =
                    client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            return new RedisStorage(client, text, binary);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    public KeyStore keyStore() {
        return keys;
    }

    public LimitStore limitStore() {
        return limits;
    }

    @Override
    public void close() {
        binary.close();
        text.close();
        client.shutdown();
    }
}
