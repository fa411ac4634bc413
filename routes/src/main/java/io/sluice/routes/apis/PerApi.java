package io.sluice.routes.apis;

import io.sluice.translator.model.ApiDefinition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Something read off an API definition once and reused for every request: the value is kept with the definition
 * object it came from, so a redeployed API (a new object under the same id) is read afresh.
 */
public final class PerApi<T> {

    private record Derived<T>(ApiDefinition from, T value) {
    }

    private final Function<ApiDefinition, T> read;
    private final Map<String, Derived<T>> byApiId = new ConcurrentHashMap<>();

    public PerApi(Function<ApiDefinition, T> read) {
        this.read = read;
    }

    public T get(ApiDefinition api) {
        Derived<T> cached = byApiId.get(api.id());
        if (cached == null || cached.from() != api) {
            cached = new Derived<>(api, read.apply(api));
            byApiId.put(api.id(), cached);
        }
        return cached.value();
    }
}
