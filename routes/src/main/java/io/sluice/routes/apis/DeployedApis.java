package io.sluice.routes.apis;

import io.sluice.translator.model.ApiDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The APIs the gateway serves, matched by listen path. Reads are lock-free on an immutable snapshot sorted
 * longest listen path first, so the longest matching prefix wins; writes (deploys) rebuild the snapshot.
 */
public final class DeployedApis {

    /** The name this registry is bound under in the Camel registry. */
    public static final String BEAN_NAME = "sluice.deployedApis";

    private final Map<String, ApiDefinition> byId = new ConcurrentHashMap<>();
    private volatile List<ApiDefinition> byListenPathLength = List.of();

    /** Serves {@code api} (replacing the API with the same id). Inactive APIs are kept for lookup but not matched. */
    public synchronized void put(ApiDefinition api) {
        byId.put(api.id(), api);
        rebuild();
    }

    public synchronized ApiDefinition remove(String apiId) {
        ApiDefinition removed = byId.remove(apiId);
        rebuild();
        return removed;
    }

    public ApiDefinition get(String apiId) {
        return byId.get(apiId);
    }

    public Collection<ApiDefinition> all() {
        return List.copyOf(byId.values());
    }

    /** The active API whose listen path is the longest prefix of {@code path} (on a segment boundary), or null. */
    public ApiDefinition match(String path) {
        for (ApiDefinition api : byListenPathLength) {
            if (matches(api.listenPath(), path)) {
                return api;
            }
        }
        return null;
    }

    /** The request path with the listen path removed, always starting with {@code /}. */
    public static String strip(String listenPath, String path) {
        if (listenPath.equals("/")) {
            return path;
        }
        String rest = path.substring(listenPath.length());
        return rest.isEmpty() ? "/" : rest;
    }

    /** Whether {@code path} is under {@code listenPath}: the same path, or below it on a segment boundary. */
    public static boolean matches(String listenPath, String path) {
        if (listenPath.equals("/")) {
            return true;
        }
        return path.startsWith(listenPath)
                && (path.length() == listenPath.length() || path.charAt(listenPath.length()) == '/');
    }

    private void rebuild() {
        List<ApiDefinition> active = new ArrayList<>();
        for (ApiDefinition api : byId.values()) {
            if (api.active()) {
                active.add(api);
            }
        }
        active.sort(Comparator.comparingInt((ApiDefinition a) -> a.listenPath().length()).reversed()
                .thenComparing(ApiDefinition::id));
        byListenPathLength = List.copyOf(active);
    }
}
