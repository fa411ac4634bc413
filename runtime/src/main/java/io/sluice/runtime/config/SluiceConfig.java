package io.sluice.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
public record SluiceConfig(String listenAddress, int listenPort, Path appPath, String secret, boolean streamingEnabled,
                           Set<String> allowUnsafe, Path source, Storage storage,
                           Path policyPath) {

    /**
     * tyk.conf's {@code storage}: the Redis that several nodes share keys, rate limits and quotas through. With no
     * host, everything stays in this node's memory.
     */
    public record Storage(String host, int port) {

        public static final Storage NONE = new Storage("", 6379);

        public boolean configured() {
            return !host.isEmpty();
        }

        Storage merge(JsonNode conf, Path file) {
            return new Storage(conf.path("host").asText(host), conf.has("port") ? intField(conf, "port", file) : port);
        }
    }

    public static final int DEFAULT_PORT = 8080;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static SluiceConfig defaults() {
        return new SluiceConfig("", DEFAULT_PORT, Path.of("apps"), "", true, Set.of(), null, Storage.NONE, null);
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
        int port = conf.has("listen_port") ? intField(conf, "listen_port", file) : listenPort;
        Path apps = conf.hasNonNull("app_path") ? resolve(file, conf.get("app_path").asText()) : appPath;
        return new SluiceConfig(conf.path("listen_address").asText(listenAddress), port, apps,
                conf.path("secret").asText(secret), streaming.path("enabled").asBoolean(streamingEnabled),
                Set.copyOf(unsafe), file, storage.merge(conf.path("storage"), file),
                policyPath(conf, file));
    }

    /** Tyk's environment names: TYK_GW_ + the field path without underscores, upper case. */
    SluiceConfig withEnvironment(Map<String, String> env) {
        SluiceConfig c = this;
        String port = env.get("TYK_GW_LISTENPORT");
        if (port != null) {
            try {
                c = c.withPort(Integer.parseInt(port.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("TYK_GW_LISTENPORT: not a port number: '" + port + "'");
            }
        }
        if (env.get("TYK_GW_APPPATH") != null) {
            c = c.withAppPath(Path.of(env.get("TYK_GW_APPPATH")));
        }
        if (env.get("TYK_GW_SECRET") != null) {
            c = new SluiceConfig(c.listenAddress, c.listenPort, c.appPath, env.get("TYK_GW_SECRET"), c.streamingEnabled,
                    c.allowUnsafe, c.source, c.storage, c.policyPath);
        }
        if (env.get("TYK_GW_POLICIES_POLICYPATH") != null) {
            c = c.withPolicyPath(Path.of(env.get("TYK_GW_POLICIES_POLICYPATH")));
        }
        if (env.get("TYK_GW_LISTENADDRESS") != null) {
            c = new SluiceConfig(env.get("TYK_GW_LISTENADDRESS"), c.listenPort, c.appPath, c.secret, c.streamingEnabled,
                    c.allowUnsafe, c.source, c.storage, c.policyPath);
        }
        if (env.get("TYK_GW_STREAMING_ENABLED") != null) {
            c = new SluiceConfig(c.listenAddress, c.listenPort, c.appPath, c.secret,
                    Boolean.parseBoolean(env.get("TYK_GW_STREAMING_ENABLED").trim()), c.allowUnsafe, c.source, c.storage, c.policyPath);
        }
        if (env.get("TYK_GW_STREAMING_ALLOWUNSAFE") != null) {
            List<String> names = new ArrayList<>();
            for (String n : env.get("TYK_GW_STREAMING_ALLOWUNSAFE").split(",")) {
                if (!n.isBlank()) {
                    names.add(n.trim());
                }
            }
            c = new SluiceConfig(c.listenAddress, c.listenPort, c.appPath, c.secret, c.streamingEnabled,
                    Set.copyOf(names), c.source, c.storage, c.policyPath);
        }
        if (env.get("TYK_GW_STORAGE_HOST") != null || env.get("TYK_GW_STORAGE_PORT") != null) {
            String host = env.getOrDefault("TYK_GW_STORAGE_HOST", c.storage.host()).trim();
            int storagePort = c.storage.port();
            if (env.get("TYK_GW_STORAGE_PORT") != null) {
                try {
                    storagePort = Integer.parseInt(env.get("TYK_GW_STORAGE_PORT").trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("TYK_GW_STORAGE_PORT: not a port number: '"
                            + env.get("TYK_GW_STORAGE_PORT") + "'");
                }
            }
            c = c.withStorage(new Storage(host, storagePort));
        }
        return c;
    }

    public SluiceConfig withPolicyPath(Path file) {
        return new SluiceConfig(listenAddress, listenPort, appPath, secret, streamingEnabled, allowUnsafe, source, storage, file);
    }

    public SluiceConfig withStorage(Storage storage) {
        return new SluiceConfig(listenAddress, listenPort, appPath, secret, streamingEnabled, allowUnsafe, source, storage, policyPath);
    }

    public SluiceConfig withPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("listen port out of range: " + port);
        }
        return new SluiceConfig(listenAddress, port, appPath, secret, streamingEnabled, allowUnsafe, source, storage, policyPath);
    }

    public SluiceConfig withSecret(String secret) {
        return new SluiceConfig(listenAddress, listenPort, appPath, secret, streamingEnabled, allowUnsafe, source, storage, policyPath);
    }

    public SluiceConfig withStreaming(boolean enabled) {
        return new SluiceConfig(listenAddress, listenPort, appPath, secret, enabled, allowUnsafe, source, storage, policyPath);
    }

    public SluiceConfig withAppPath(Path path) {
        return new SluiceConfig(listenAddress, listenPort, path, secret, streamingEnabled, allowUnsafe, source, storage, policyPath);
    }

    /** Tyk's {@code policies.policy_path}: a JSON file of security policies (relative to the tyk.conf). */
    private Path policyPath(JsonNode conf, Path file) {
        JsonNode p = conf.path("policies").path("policy_path");
        return p.isTextual() && !p.asText().isEmpty() ? resolve(file, p.asText()) : policyPath;
    }

    private static int intField(JsonNode conf, String field, Path file) {
        JsonNode n = conf.get(field);
        if (!n.canConvertToInt()) {
            throw new IllegalArgumentException(file + ": " + field + " must be a number, got " + n);
        }
        return n.asInt();
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
