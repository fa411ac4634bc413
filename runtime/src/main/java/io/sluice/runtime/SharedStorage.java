package io.sluice.runtime;

import io.lettuce.core.RedisURI;
import io.sluice.redis.RedisStorage;
import io.sluice.runtime.config.Storage;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Opens tyk.conf's {@code storage}; when Redis will not have it, the startup error names the setting to look at.
 */
final class SharedStorage {

    private SharedStorage() {
    }

    static RedisStorage open(Storage storage) {
        try {
            return RedisStorage.open(uri(storage));
        } catch (RuntimeException e) {
            throw new IllegalStateException("tyk.conf storage (" + storage + "): " + explain(e), e);
        }
    }

    /** Tyk's storage settings as Lettuce's connection address. */
    static RedisURI uri(Storage storage) {
        RedisURI.Builder uri = RedisURI.builder().withHost(storage.host()).withPort(storage.port())
                .withDatabase(storage.database()).withSsl(storage.useSsl())
                .withVerifyPeer(!storage.sslInsecureSkipVerify());
        if (!storage.username().isEmpty()) {
            // Redis 6 ACL users; a user without a password ("nopass") takes any.
            uri.withAuthentication(storage.username(), storage.password());
        } else if (!storage.password().isEmpty()) {
            uri.withPassword(storage.password().toCharArray());
        }
        return uri.build();
    }

    /** Redis's own words, then which settings can fix them. */
    private static String explain(Throwable e) {
        Throwable root = e;
        boolean tls = false;
        while (root.getCause() != null && root.getCause() != root) {
            tls |= root instanceof SSLException;
            root = root.getCause();
        }
        tls |= root instanceof SSLException;
        String said = String.valueOf(root.getMessage());
        String upper = said.toUpperCase(Locale.ROOT);
        String check;
        if (upper.contains("NOAUTH") || upper.contains("WRONGPASS") || upper.contains("INVALID PASSWORD")
                || upper.contains("INVALID USERNAME")) {
            check = "storage.password and storage.username (TYK_GW_STORAGE_PASSWORD, TYK_GW_STORAGE_USERNAME)";
        } else if (upper.contains("DB INDEX")) {
            check = "storage.database (TYK_GW_STORAGE_DATABASE)";
        } else if (tls) {
            check = "storage.use_ssl and storage.ssl_insecure_skip_verify (TYK_GW_STORAGE_USESSL, "
                    + "TYK_GW_STORAGE_SSLINSECURESKIPVERIFY)";
        } else {
            check = "storage.host and storage.port (TYK_GW_STORAGE_HOST, TYK_GW_STORAGE_PORT)";
        }
        return said + "; check " + check;
    }
}
