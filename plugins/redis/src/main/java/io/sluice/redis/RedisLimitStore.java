package io.sluice.redis;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.sluice.limits.LimitStore;
import java.time.Duration;
import java.util.List;

/**
 * Rate-limit buckets and quota counters in Redis, shared by every node: buckets through bucket4j's
 * compare-and-swap proxy, quotas through one script so that reading, renewing and counting a window is atomic.
 */
final class RedisLimitStore implements LimitStore {

    @Override
    public boolean remote() {
        return true;
    }


    static final String PREFIX = "sluice-limit-";

    /** The in-memory quota window, done inside Redis: renew when over or when the limit changed, then count. */
    private static final String QUOTA_SCRIPT = """
            local max, renewal, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
            local w = redis.call('HMGET', KEYS[1], 'used', 'renews', 'max', 'renewal')
            local used, renews = tonumber(w[1]) or 0, tonumber(w[2]) or 0
            if now >= renews or tonumber(w[3]) ~= max or tonumber(w[4]) ~= renewal then
              used, renews = 0, now + renewal
              redis.call('HSET', KEYS[1], 'renews', renews, 'max', max, 'renewal', renewal)
              redis.call('EXPIREAT', KEYS[1], renews)
            end
            if used < max then
              used = used + 1
              redis.call('HSET', KEYS[1], 'used', used)
            else
              used = max + 1
            end
            return {used, renews}
            """;

    private final RedisCommands<String, String> redis;
    private final ProxyManager<String> buckets;
    private final String quotaDigest;

    RedisLimitStore(RedisCommands<String, String> redis, StatefulRedisConnection<String, byte[]> binary) {
        this.redis = redis;
        // A bucket no one takes from is dropped once it would be full again, so Redis does not fill up with them.
        this.buckets = Bucket4jLettuce.casBasedBuilder(binary)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
        this.quotaDigest = redis.scriptLoad(QUOTA_SCRIPT);
    }

    @Override
    public ConsumptionProbe take(String name, long rate, Duration per) {
        // The limit is part of the Redis key: a changed limit gets a fresh bucket, as in memory, and the old one expires.
        String key = PREFIX + name + "-" + rate + "/" + per.toMillis();
        BucketConfiguration config = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(rate).refillGreedy(rate, per).build()).build();
        return buckets.builder().build(key, () -> config).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public QuotaUse count(String name, long max, long renewalSeconds, long nowSeconds) {
        String[] keys = {PREFIX + name};
        String[] args = {Long.toString(max), Long.toString(renewalSeconds), Long.toString(nowSeconds)};
        List<Long> result;
        try {
            result = redis.evalsha(quotaDigest, ScriptOutputType.MULTI, keys, args);
        } catch (RedisNoScriptException e) {
            // Redis restarted or flushed its script cache: send the script itself, which caches it again.
            result = redis.eval(QUOTA_SCRIPT, ScriptOutputType.MULTI, keys, args);
        }
        return new QuotaUse(result.get(0), result.get(1));
    }
}
