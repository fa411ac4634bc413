package io.sluice.limits;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The limits of a single node. */
public final class InMemoryLimitStore implements LimitStore {

    private final RateLimit buckets = new RateLimit();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Override
    public ConsumptionProbe take(String name, long rate, Duration per) {
        return buckets.take(name, rate, per);
    }

    @Override
    public QuotaUse count(String name, long max, long renewalSeconds, long nowSeconds) {
        Window w = windows.computeIfAbsent(name, k -> new Window());
        synchronized (w) {
            if (nowSeconds >= w.renews || w.max != max || w.renewal != renewalSeconds) {
                w.renews = nowSeconds + renewalSeconds;
                w.used = 0;
                w.max = max;
                w.renewal = renewalSeconds;
            }
            long used = w.used < max ? ++w.used : max + 1;
            return new QuotaUse(used, w.renews);
        }
    }

    private static final class Window {
        long renews;
        long used;
        long max;
        long renewal;
    }
}
