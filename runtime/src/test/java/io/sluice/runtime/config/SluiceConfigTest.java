package io.sluice.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SluiceConfigTest {

    @TempDir
    Path dir;

    @Test
    void readsTykConfThenTykEnvironmentOverrides() throws Exception {
        Path conf = dir.resolve("tyk.conf");
        Files.writeString(conf, """
                {"listen_port": 8282, "secret": "352d20ee67be67f6340b4c0605b044b7", "app_path": "apps/",
                 "streaming": {"enabled": false, "allow_unsafe": ["file"]}}""");

        SluiceConfig fromFile = SluiceConfig.load(conf, Map.of());
        assertThat(fromFile.listenPort()).isEqualTo(8282);
        assertThat(fromFile.secret()).isEqualTo("352d20ee67be67f6340b4c0605b044b7");
        assertThat(fromFile.appPath()).isEqualTo(dir.resolve("apps").toAbsolutePath().normalize());
        assertThat(fromFile.streamingEnabled()).isFalse();
        assertThat(fromFile.allowUnsafe()).containsExactly("file");

        SluiceConfig overridden = SluiceConfig.load(conf, Map.of("TYK_GW_LISTENPORT", "9090",
                "TYK_GW_APPPATH", "/opt/tyk-gateway/apps", "TYK_GW_STREAMING_ENABLED", "true",
                "TYK_GW_STREAMING_ALLOWUNSAFE", "file,socket"));
        assertThat(overridden.listenPort()).isEqualTo(9090);
        assertThat(overridden.appPath()).isEqualTo(Path.of("/opt/tyk-gateway/apps"));
        assertThat(overridden.streamingEnabled()).isTrue();
        assertThat(overridden.allowUnsafe()).containsExactlyInAnyOrder("file", "socket");
    }

    @Test
    void theProxyTimeoutIsTyksProxyDefaultTimeoutInSeconds() throws Exception {
        assertThat(SluiceConfig.load(null, Map.of()).proxyTimeout()).isEqualTo(Duration.ofSeconds(30));
        Path conf = dir.resolve("proxy.conf");
        Files.writeString(conf, "{\"proxy_default_timeout\": 5}");
        assertThat(SluiceConfig.load(conf, Map.of()).proxyTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(SluiceConfig.load(conf, Map.of("TYK_GW_PROXYDEFAULTTIMEOUT", "7")).proxyTimeout())
                .isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void defaultsServeStreamsOn8080() {
        SluiceConfig c = SluiceConfig.load(null, Map.of());
        assertThat(c.listenPort()).isEqualTo(8080);
        assertThat(c.streamingEnabled()).isTrue();
    }

    @Test
    void badValuesNameTheirSource() throws Exception {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "{\"listen_port\": \"eighty\"}");
        assertThatThrownBy(() -> SluiceConfig.load(conf, Map.of())).hasMessageContaining("bad.conf")
                .hasMessageContaining("listen_port");
        assertThatThrownBy(() -> SluiceConfig.load(null, Map.of("TYK_GW_LISTENPORT", "x")))
                .hasMessageContaining("TYK_GW_LISTENPORT");
    }

    @Test
    void storageIsTykConfsRedisWithEnvironmentOverridesAndAbsentMeansInMemory() throws Exception {
        assertThat(SluiceConfig.load(null, Map.of()).storage().configured()).isFalse();

        Path conf = dir.resolve("tyk.conf");
        Files.writeString(conf, """
                {"storage": {"type": "redis", "host": "redis.internal", "port": 6380}}""");
        assertThat(SluiceConfig.load(conf, Map.of()).storage())
                .isEqualTo(new Storage("redis.internal", 6380));
        assertThat(SluiceConfig.load(conf, Map.of("TYK_GW_STORAGE_HOST", "10.0.0.7", "TYK_GW_STORAGE_PORT", "7000"))
                .storage()).isEqualTo(new Storage("10.0.0.7", 7000));
        assertThat(SluiceConfig.load(null, Map.of("TYK_GW_STORAGE_HOST", "localhost")).storage())
                .isEqualTo(new Storage("localhost", 6379));
        assertThatThrownBy(() -> SluiceConfig.load(null, Map.of("TYK_GW_STORAGE_PORT", "x")))
                .hasMessageContaining("TYK_GW_STORAGE_PORT");
    }

    @Test
    void storageCredentialsDatabaseAndTlsUseTyksNamesAndTheyDoNotReachLogs() throws Exception {
        Path conf = dir.resolve("tyk.conf");
        Files.writeString(conf, """
                {"storage": {"host": "redis.internal", "port": 6380, "username": "gw", "password": "s3cret",
                             "database": 2, "use_ssl": true, "ssl_insecure_skip_verify": true}}""");
        Storage fromFile = SluiceConfig.load(conf, Map.of()).storage();
        assertThat(fromFile).isEqualTo(new Storage("redis.internal", 6380, "gw", "s3cret", 2, true, true));
        assertThat(fromFile.toString()).doesNotContain("s3cret").contains("with password");

        Storage fromEnv = SluiceConfig.load(conf, Map.of("TYK_GW_STORAGE_PASSWORD", "other", "TYK_GW_STORAGE_USERNAME", "",
                "TYK_GW_STORAGE_DATABASE", "7", "TYK_GW_STORAGE_USESSL", "false",
                "TYK_GW_STORAGE_SSLINSECURESKIPVERIFY", "0")).storage();
        assertThat(fromEnv).isEqualTo(new Storage("redis.internal", 6380, "", "other", 7, false, false));

        assertThatThrownBy(() -> SluiceConfig.load(null, Map.of("TYK_GW_STORAGE_USESSL", "yes")))
                .hasMessageContaining("TYK_GW_STORAGE_USESSL");
        Files.writeString(conf, "{\"storage\": {\"host\": \"r\", \"database\": \"two\"}}");
        assertThatThrownBy(() -> SluiceConfig.load(conf, Map.of())).hasMessageContaining("database");
    }

    @Test
    void keysAreHashedUnlessConfiguredOffAndTheFunctionIsOneTykKnows() throws Exception {
        assertThat(SluiceConfig.load(null, Map.of()).hashing()).isEqualTo(new Hashing(true, "", false));

        Path conf = dir.resolve("tyk.conf");
        Files.writeString(conf, """
                {"hash_keys": false, "hash_key_function": "sha256", "enable_hashed_keys_listing": true}""");
        SluiceConfig fromFile = SluiceConfig.load(conf, Map.of());
        assertThat(fromFile.hashing()).isEqualTo(new Hashing(false, "sha256", true));
        assertThat(fromFile.hashing().keyHashing().enabled()).isFalse();

        assertThat(SluiceConfig.load(conf, Map.of("TYK_GW_HASHKEYS", "true", "TYK_GW_HASHKEYFUNCTION", "murmur64",
                "TYK_GW_ENABLEHASHEDKEYSLISTING", "false")).hashing()).isEqualTo(new Hashing(true, "murmur64", false));

        Files.writeString(conf, "{\"hash_key_function\": \"md5\"}");
        assertThatThrownBy(() -> SluiceConfig.load(conf, Map.of())).hasMessageContaining("hash_key_function")
                .hasMessageContaining("md5");
        assertThatThrownBy(() -> SluiceConfig.load(null, Map.of("TYK_GW_HASHKEYFUNCTION", "crc32")))
                .hasMessageContaining("TYK_GW_HASHKEYFUNCTION");
        assertThatThrownBy(() -> SluiceConfig.load(null, Map.of("TYK_GW_HASHKEYS", "maybe")))
                .hasMessageContaining("TYK_GW_HASHKEYS");
    }
}
