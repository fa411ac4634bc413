package io.sluice.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyHashingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** MurmurHash3 reference values (seed 0), written as Go's murmur3 Sum writes them: big-endian words, in hex. */
    @Test
    void hashesAreTyksHexOfMurmurHash3AndSha256() {
        assertThat(KeyHashFunction.MURMUR32.hash("hello")).isEqualTo("248bfa47");
        assertThat(KeyHashFunction.MURMUR32.hash("hello, world")).isEqualTo("149bbb7f");
        assertThat(KeyHashFunction.MURMUR32.hash("")).as("leading zeros kept").isEqualTo("00000000");
        assertThat(KeyHashFunction.MURMUR64.hash("hello")).isEqualTo("cbd8a7b341bd9b02");
        assertThat(KeyHashFunction.MURMUR128.hash("hello, world")).isEqualTo("342fac623a5ebc8e4cdcbc079642414d");
        assertThat(KeyHashFunction.SHA256.hash("hello"))
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(KeyHashFunction.named("murmur128")).hasValue(KeyHashFunction.MURMUR128);
        assertThat(KeyHashFunction.named("md5")).isEmpty();
    }

    @Test
    void aPlainKeyIsHashedWithMurmur32WhateverTheConfiguredFunction() {
        assertThat(new KeyHashing(true, null).storageId("hello")).isEqualTo("248bfa47");
        assertThat(new KeyHashing(true, KeyHashFunction.SHA256).storageId("hello")).isEqualTo("248bfa47");
        assertThat(new KeyHashing(false, KeyHashFunction.SHA256).storageId("hello")).as("hashing off").isEqualTo("hello");
    }

    @Test
    void withAFunctionKeysAreTyksJsonTokensHashedWithTheFunctionTheyName() throws Exception {
        KeyHashing sha = new KeyHashing(true, KeyHashFunction.SHA256);
        String token = sha.newToken();
        var decoded = JSON.readTree(Base64.getDecoder().decode(token));
        assertThat(decoded.path("h").asText()).isEqualTo("sha256");
        assertThat(decoded.path("id").asText()).matches("[0-9a-f]{32}");
        assertThat(sha.storageId(token)).isEqualTo(sha256(token));

        // a token Tyk made under murmur64 keeps its function under any setting here
        String tyks = Base64.getEncoder().encodeToString(
                "{\"org\":\"default\",\"id\":\"abc\",\"h\":\"murmur64\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(sha.storageId(tyks)).isEqualTo(KeyHashFunction.MURMUR64.hash(tyks)).hasSize(16);
        assertThat(new KeyHashing(true, null).storageId(tyks)).isEqualTo(KeyHashFunction.MURMUR64.hash(tyks));
    }

    @Test
    void withoutAFunctionKeysAreHex() {
        assertThat(new KeyHashing(true, null).newToken()).matches("[0-9a-f]{32}");
        assertThat(new KeyHashing(true, null).token("my-custom-key")).isEqualTo("my-custom-key");
    }

    @Test
    void aCustomKeyIsLookedUpAsItsJsonTokenThenAsItself() throws Exception {
        KeyHashing sha = new KeyHashing(true, KeyHashFunction.SHA256);
        String token = sha.token("my-custom-key");
        assertThat(sha.storageIds("my-custom-key")).containsExactly(sha256(token), KeyHashFunction.MURMUR32.hash("my-custom-key"));
        assertThat(sha.storageIds(token)).containsExactly(sha256(token));
        assertThat(new KeyHashing(true, null).storageIds("my-custom-key"))
                .containsExactly(KeyHashFunction.MURMUR32.hash("my-custom-key"));
        assertThat(new KeyHashing(false, KeyHashFunction.SHA256).storageIds("my-custom-key"))
                .containsExactly(token, "my-custom-key");
    }
}
