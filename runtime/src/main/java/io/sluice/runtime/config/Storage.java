package io.sluice.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * tyk.conf's {@code storage}: the Redis that several nodes share keys, rate limits and quotas through, with Tyk's
 * field names ({@code host}, {@code port}, {@code username}, {@code password}, {@code database}, {@code use_ssl},
 * {@code ssl_insecure_skip_verify}) and environment variables ({@code TYK_GW_STORAGE_HOST}, …). With no host,
 * everything stays in this node's memory.
 */
public record Storage(String host, int port, String username, String password, int database, boolean useSsl,
                      boolean sslInsecureSkipVerify) {

    public static final Storage NONE = new Storage("", 6379);

    public Storage(String host, int port) {
        this(host, port, "", "", 0, false, false);
    }

    public boolean configured() {
        return !host.isEmpty();
    }

    /** Never the password: configurations end up in logs. */
    @Override
    public String toString() {
        return "Redis at " + host + ":" + port + ", database " + database + (username.isEmpty() ? "" : ", user " + username)
                + (password.isEmpty() ? "" : ", with password") + (useSsl ? ", TLS" : "")
                + (useSsl && sslInsecureSkipVerify ? " without verifying the server" : "");
    }

    Storage merge(JsonNode conf, Path file) {
        return new Storage(conf.path("host").asText(host), ConfValues.intField(conf, "port", file, port),
                conf.path("username").asText(username), conf.path("password").asText(password),
                ConfValues.intField(conf, "database", file, database), ConfValues.boolField(conf, "use_ssl", file, useSsl),
                ConfValues.boolField(conf, "ssl_insecure_skip_verify", file, sslInsecureSkipVerify));
    }

    Storage withEnvironment(Map<String, String> env) {
        return new Storage(env.getOrDefault("TYK_GW_STORAGE_HOST", host).trim(),
                ConfValues.envInt(env, "TYK_GW_STORAGE_PORT", port),
                env.getOrDefault("TYK_GW_STORAGE_USERNAME", username), env.getOrDefault("TYK_GW_STORAGE_PASSWORD", password),
                ConfValues.envInt(env, "TYK_GW_STORAGE_DATABASE", database),
                ConfValues.envBool(env, "TYK_GW_STORAGE_USESSL", useSsl),
                ConfValues.envBool(env, "TYK_GW_STORAGE_SSLINSECURESKIPVERIFY", sslInsecureSkipVerify));
    }
}
