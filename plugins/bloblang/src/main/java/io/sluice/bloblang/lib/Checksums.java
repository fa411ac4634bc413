package io.sluice.bloblang.lib;

import io.sluice.bloblang.value.EvalError;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import net.jpountz.xxhash.XXHashFactory;

/** The non-cryptographic hashes of {@code hash()}: CRC-32 variants, FNV-32 and xxHash64. */
final class Checksums {
    /** Koopman's polynomial in reversed (LSB-first) form, as Go's crc32.Koopman. */
    private static final int KOOPMAN_REVERSED = 0xeb31d82e;
    private static final int[] KOOPMAN_TABLE = table(KOOPMAN_REVERSED);

    private Checksums() {
    }

    /** The checksum as big-endian bytes, as Go's hash.Sum appends it. */
    static byte[] crc32(byte[] b, String polynomial) {
        long sum;
        switch (polynomial) {
            case "IEEE": {
                CRC32 c = new CRC32();
                c.update(b);
                sum = c.getValue();
                break;
            }
            case "Castagnoli": {
                CRC32C c = new CRC32C();
                c.update(b);
                sum = c.getValue();
                break;
            }
            case "Koopman":
                sum = tableCrc(KOOPMAN_TABLE, b) & 0xffffffffL;
                break;
            default:
                throw new EvalError("unsupported crc32 hash key \"" + polynomial + "\"");
        }
        return new byte[] {(byte) (sum >>> 24), (byte) (sum >>> 16), (byte) (sum >>> 8), (byte) sum};
    }

    private static int[] table(int reversedPolynomial) {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int j = 0; j < 8; j++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ reversedPolynomial : crc >>> 1;
            }
            t[i] = crc;
        }
        return t;
    }

    private static int tableCrc(int[] table, byte[] b) {
        int crc = ~0;
        for (byte x : b) {
            crc = table[(crc ^ x) & 0xff] ^ (crc >>> 8);
        }
        return ~crc;
    }

    /** FNV-1 (multiply, then xor), 32 bits, as Go's fnv.New32. */
    static long fnv32(byte[] b) {
        int h = 0x811c9dc5;
        for (byte x : b) {
            h *= 0x01000193;
            h ^= x & 0xff;
        }
        return h & 0xffffffffL;
    }

    /** xxHash64 with seed 0, as an unsigned decimal. */
    static String xxhash64(byte[] b) {
        long h = XXHashFactory.safeInstance().hash64().hash(b, 0, b.length, 0);
        return Long.toUnsignedString(h);
    }
}
