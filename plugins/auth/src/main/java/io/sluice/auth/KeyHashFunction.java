package io.sluice.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Tyk's key hash functions ({@code hash_key_function}), written as Tyk writes them: the lower-case hex of the
 * digest, whose words are big-endian (Go's {@code hash.Hash.Sum}). MurmurHash3 with seed 0: x86_32 for
 * {@code murmur32}, x64_128 for {@code murmur128}, and its first 64 bits for {@code murmur64}.
 */
public enum KeyHashFunction {

    MURMUR32 {
        @Override
        String hex(byte[] data) {
            return "%08x".formatted(MurmurHash3.hash32x86(data));
        }
    },
    MURMUR64 {
        @Override
        String hex(byte[] data) {
            return "%016x".formatted(MurmurHash3.hash128x64(data)[0]);
        }
    },
    MURMUR128 {
        @Override
        String hex(byte[] data) {
            long[] h = MurmurHash3.hash128x64(data);
            return "%016x%016x".formatted(h[0], h[1]);
        }
    },
    SHA256 {
        @Override
        String hex(byte[] data) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        }
    };

    abstract String hex(byte[] data);

    public String hash(String key) {
        return hex(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The name tyk.conf uses: murmur32, murmur64, murmur128, sha256. */
    public String tykName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<KeyHashFunction> named(String name) {
        for (KeyHashFunction f : values()) {
            if (f.tykName().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
