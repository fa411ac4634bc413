package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.api.StatefulRedisConnection;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.config.Storage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tyk.conf's storage credentials, database and TLS settings, against a redis-server that wants a password. */
class SharedStorageTest {

    static final String PASSWORD = "redis-pw-7f3a";
    static RedisServerProcess redis;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServerProcess.start("--requirepass", PASSWORD);
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    /** A tyk.conf naming the test's Redis, with the given extra storage fields. */
    private SluiceConfig conf(String storageFields) throws Exception {
        Path file = dir.resolve("tyk.conf");
        Files.writeString(file, """
                {"listen_port": 0, "secret": "s", "storage": {"host": "127.0.0.1", "port": %d%s}}"""
                .formatted(redis.port(), storageFields));
        return SluiceConfig.load(file, Map.of());
    }

    @Test
    void withThePasswordKeysLiveInTheConfiguredDatabase() throws Exception {
        try (SluiceServer sluice = SluiceServer.start(conf(", \"password\": \"" + PASSWORD + "\", \"database\": 5"))) {
            assertThat(sluice.deploy("orders.json", Definitions.keyedApi("orders")).problems()).isEmpty();
            HttpResponse<String> made = HttpClients.admin(sluice.port(), "s", "POST", "/tyk/keys/db-key",
                    "{\"access_rights\":{\"orders\":{\"api_id\":\"orders\"}}}");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
            assertThat(HttpClients.post(sluice.port(), "/orders/in", "x", "Authorization", "db-key").statusCode())
                    .isEqualTo(200);

            String stored = "apikey-" + new ObjectMapper().readTree(made.body()).path("key_hash").asText();
            RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(redis.port())
                    .withPassword(PASSWORD.toCharArray()).build());
            try (StatefulRedisConnection<String, String> c = client.connect()) {
                assertThat(c.sync().exists(stored)).as("database 0").isZero();
                c.sync().select(5);
                assertThat(c.sync().exists(stored)).as("database 5").isOne();
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void withoutTheRightPasswordStartupFailsNamingTheSetting() throws Exception {
        SluiceConfig none = conf("");
        assertThatThrownBy(() -> SluiceServer.start(none)).hasMessageContaining("NOAUTH")
                .hasMessageContaining("storage.password").hasMessageContaining("TYK_GW_STORAGE_PASSWORD");
        SluiceConfig wrong = conf(", \"password\": \"not-it\"");
        assertThatThrownBy(() -> SluiceServer.start(wrong)).hasMessageContaining("storage.password")
                .hasMessageNotContaining("not-it");
    }

    @Test
    void aDatabaseRedisDoesNotHaveIsNamed() throws Exception {
        SluiceConfig config = conf(", \"password\": \"" + PASSWORD + "\", \"database\": 99");
        assertThatThrownBy(() -> SluiceServer.start(config)).hasMessageContaining("storage.database");
    }

    @Test
    void tlsSettingsReachTheConnection() {
        RedisURI plain = SharedStorage.uri(new Storage("redis.internal", 6380));
        assertThat(plain.isSsl()).isFalse();
        assertThat(plain.getPassword()).isNull();
        assertThat(plain.getDatabase()).isZero();

        RedisURI tls = SharedStorage.uri(new Storage("redis.internal", 6380, "gw", "pw", 3, true, true));
        assertThat(tls.isSsl()).isTrue();
        assertThat(tls.getVerifyMode()).isEqualTo(SslVerifyMode.NONE);
        assertThat(tls.getUsername()).isEqualTo("gw");
        assertThat(tls.getPassword()).isEqualTo("pw".toCharArray());
        assertThat(tls.getDatabase()).isEqualTo(3);
        assertThat(SharedStorage.uri(new Storage("redis.internal", 6380, "", "", 0, true, false)).getVerifyMode())
                .isEqualTo(SslVerifyMode.FULL);
    }
}
