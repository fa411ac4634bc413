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
                           Set<String> allowUnsafe, Path source) {

    public static final int DEFAULT_PORT = 8080;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static SluiceConfig defaults() {
        return new SluiceConfig("", DEFAULT_PORT, Path.of("apps"), "", true, Set.of(), null);
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
                Set.copyOf(unsafe), file);
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
                    c.allowUnsafe, c.source);
        }
        if (env.get("TYK_GW_LISTENADDRESS") != null) {
            c = new SluiceConfig(env.get("TYK_GW_LISTENADDRESS"), c.listenPort, c.appPath, c.secret, c.streamingEnabled,
                    c.allowUnsafe, c.source);
        }
        if (env.get("TYK_GW_STREAMING_ENABLED") != null) {
            c = new SluiceConfig(c.listenAddress, c.listenPort, c.appPath, c.secret,
                    Boolean.parseBoolean(env.get("TYK_GW_STREAMING_ENABLED").trim()), c.allowUnsafe, c.source);
        }
        if (env.get("TYK_GW_STREAMING_ALLOWUNSAFE") != null) {
            List<String> names = new ArrayList<>();
            for (String n : env.get("TYK_GW_STREAMING_ALLOWUNSAFE").split(",")) {
                if (!n.isBlank()) {
                    names.add(n.trim());
                }
            }
            c = new SluiceConfig(c.listenAddress, c.listenPort, c.appPath, c.secret, c.streamingEnabled,
                    Set.copyOf(names), c.source);
        }
        return c;
    }

    public SluiceConfig withPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("listen port out of range: " + port);
        }
        return new SluiceConfig(listenAddress, port, appPath, secret, streamingEnabled, allowUnsafe, source);
    }

    public SluiceConfig withSecret(String secret) {
        return new SluiceConfig(listenAddress, listenPort, appPath, secret, streamingEnabled, allowUnsafe, source);
    }

    public SluiceConfig withStreaming(boolean enabled) {
        return new SluiceConfig(listenAddress, listenPort, appPath, secret, enabled, allowUnsafe, source);
    }

    public SluiceConfig withAppPath(Path path) {
        return new SluiceConfig(listenAddress, listenPort, path, secret, streamingEnabled, allowUnsafe, source);
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
