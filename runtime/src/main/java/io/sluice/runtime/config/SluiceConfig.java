package io.sluice.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import io.sluice.routes.proxy.UpstreamProxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gateway's settings, read as Tyk reads them: {@code tyk.conf} (JSON, Tyk's field names), then
 * {@code TYK_GW_*} environment variables over it, then command-line flags over both.
 *
 * @param streamingEnabled on unless configured off: Sluice exists to serve streams (Tyk's default is off)
 * @param proxyTimeout     Tyk's {@code proxy_default_timeout}: how long an upstream may take to answer before 504,
 *                         unless the API or operation sets its own {@code enforceTimeout}
 */
public record SluiceConfig(String listenAddress, int listenPort, Path appPath, String secret, boolean streamingEnabled,
                           Set<String> allowUnsafe, Path source, Storage storage, Path policyPath, Hashing hashing,
                           Duration proxyTimeout) {

    public static final int DEFAULT_PORT = 8080;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static SluiceConfig defaults() {
        return new SluiceConfig("", DEFAULT_PORT, Path.of("apps"), "", true, Set.of(), null, Storage.NONE, null,
                Hashing.DEFAULT, UpstreamProxy.DEFAULT_TIMEOUT);
    }

    /**
     * @param confFile a tyk.conf, or null for defaults
     * @throws IllegalArgumentException naming the file and field when it cannot be used
     */
    public static SluiceConfig load(Path confFile, Map<String, String> env) {
        SluiceConfig c = defaults();
        if (confFile != null) {
            c = c.merge(readFile(confFile), confFile);
        }
        return c.withEnvironment(env);
    }

    private static JsonNode readFile(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (!root.isObject()) {
                throw new IllegalArgumentException(file + ": a tyk.conf must be a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read configuration: " + e.getMessage(), e);
        }
    }

    private SluiceConfig merge(JsonNode conf, Path file) {
        JsonNode streaming = conf.path("streaming");
        Set<String> unsafe = new TreeSet<>(allowUnsafe);
        streaming.path("allow_unsafe").forEach(n -> unsafe.add(n.asText()));
        Path apps = conf.hasNonNull("app_path") ? resolve(file, conf.get("app_path").asText()) : appPath;
        return new SluiceConfig(conf.path("listen_address").asText(listenAddress),
                ConfValues.intField(conf, "listen_port", file, listenPort), apps, conf.path("secret").asText(secret),
                ConfValues.boolField(streaming, "enabled", file, streamingEnabled), Set.copyOf(unsafe), file,
                storage.merge(conf.path("storage"), file), policyPath(conf, file), hashing.merge(conf, file), proxyTimeout(conf, file));
    }

    /** Tyk's environment names: TYK_GW_ + the field path without underscores, upper case. */
    SluiceConfig withEnvironment(Map<String, String> env) {
        SluiceConfig c = withPort(ConfValues.envInt(env, "TYK_GW_LISTENPORT", listenPort))
                .withStreaming(ConfValues.envBool(env, "TYK_GW_STREAMING_ENABLED", streamingEnabled))
                .withStorage(storage.withEnvironment(env))
                .withHashing(hashing.withEnvironment(env));
        int proxySeconds = ConfValues.envInt(env, "TYK_GW_PROXYDEFAULTTIMEOUT", 0);
        if (proxySeconds > 0) {
            c = c.withProxyTimeout(Duration.ofSeconds(proxySeconds));
        }
        if (env.get("TYK_GW_APPPATH") != null) {
            c = c.withAppPath(Path.of(env.get("TYK_GW_APPPATH")));
        }
        if (env.get("TYK_GW_SECRET") != null) {
            c = c.withSecret(env.get("TYK_GW_SECRET"));
        }
        if (env.get("TYK_GW_POLICIES_POLICYPATH") != null) {
            c = c.withPolicyPath(Path.of(env.get("TYK_GW_POLICIES_POLICYPATH")));
        }
        if (env.get("TYK_GW_LISTENADDRESS") != null) {
            c = c.withListenAddress(env.get("TYK_GW_LISTENADDRESS"));
        }
        if (env.get("TYK_GW_STREAMING_ALLOWUNSAFE") != null) {
            List<String> names = new ArrayList<>();
            for (String n : env.get("TYK_GW_STREAMING_ALLOWUNSAFE").split(",")) {
                if (!n.isBlank()) {
                    names.add(n.trim());
                }
            }
            c = c.withAllowUnsafe(Set.copyOf(names));
        }
        return c;
    }

    public SluiceConfig withPolicyPath(Path file) {
        return new SluiceConfig(listenAddress, listenPort, appPath, secret, streamingEnabled, allowUnsafe, source, storage,
                file, hashing, proxyTimeout);
    }

    public SluiceConfig withStorage(Storage storage) {
        return new SluiceConfig(listenAddress, listenPort, appPath, secret, streamingEnabled, allowUnsafe, source, storage,
                policyPath, hashing, proxyTimeout);
    }

    public SluiceConfig withHashing(Hashing hashing) {
        return new SluiceConfig(listenAddress, listenPort, appPath, secret, streamingEnabled, allowUnsafe, source, storage,
                policyPath, hashing, proxyTimeout);
    }

    public SluiceConfig withPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("listen port out of range: " + port);
        }
        return new SluiceConfig(listenAddress, port, appPath, secret, streamingEnabled, allowUnsafe, source, storage,
                policyPath, hashing, proxyTimeout);
    }

    public SluiceConfig withListenAddress(String address) {
        return new SluiceConfig(address, listenPort, appPath, secret, streamingEnabled, allowUnsafe, source, storage,
                policyPath, hashing, proxyTimeout);
    }

    public SluiceConfig withSecret(String secret) {
        return new SluiceConfig(listenAddress, listenPort, appPath, secret, streamingEnabled, allowUnsafe, source, storage,
                policyPath, hashing, proxyTimeout);
    }

    public SluiceConfig withStreaming(boolean enabled) {
        return new SluiceConfig(listenAddress, listenPort, appPath, secret, enabled, allowUnsafe, source, storage,
                policyPath, hashing, proxyTimeout);
    }

    public SluiceConfig withAllowUnsafe(Set<String> names) {
        return new SluiceConfig(listenAddress, listenPort, appPath, secret, streamingEnabled, names, source, storage,
                policyPath, hashing, proxyTimeout);
    }

    public SluiceConfig withAppPath(Path path) {
        return new SluiceConfig(listenAddress, listenPort, path, secret, streamingEnabled, allowUnsafe, source, storage,
                policyPath, hashing, proxyTimeout);
    }

    public SluiceConfig withProxyTimeout(Duration timeout) {
        return new SluiceConfig(listenAddress, listenPort, appPath, secret, streamingEnabled, allowUnsafe, source, storage,
                policyPath, hashing, timeout);
    }

    /** Tyk's {@code proxy_default_timeout}, in seconds; 0 or absent keeps the default (30 s). */
    private Duration proxyTimeout(JsonNode conf, Path file) {
        int seconds = ConfValues.intField(conf, "proxy_default_timeout", file, 0);
        return seconds > 0 ? Duration.ofSeconds(seconds) : proxyTimeout;
    }

    /** Tyk's {@code policies.policy_path}: a JSON file of security policies (relative to the tyk.conf). */
    private Path policyPath(JsonNode conf, Path file) {
        JsonNode p = conf.path("policies").path("policy_path");
        return p.isTextual() && !p.asText().isEmpty() ? resolve(file, p.asText()) : policyPath;
    }

    /** A relative app_path is relative to the tyk.conf that names it. */
    private static Path resolve(Path confFile, String value) {
        Path p = Path.of(value);
        if (p.isAbsolute() || confFile.toAbsolutePath().getParent() == null) {
            return p;
        }
        return confFile.toAbsolutePath().getParent().resolve(p).normalize();
    }
}
