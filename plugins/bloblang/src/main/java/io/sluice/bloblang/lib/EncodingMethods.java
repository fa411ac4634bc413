package io.sluice.bloblang.lib;

import static io.sluice.bloblang.lib.Param.def;
import static io.sluice.bloblang.lib.Param.opt;
import static io.sluice.bloblang.lib.Param.req;

import io.sluice.bloblang.lib.Param.Type;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.TypeError;
import io.sluice.bloblang.value.Values;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** encode/decode, hashing and HMAC. */
final class EncodingMethods {
    private EncodingMethods() {
    }

    static void register() {
        Library.method("encode", Signature.of(req("scheme", Type.STRING)), (v, a, c) -> {
            byte[] b = Values.getBytes(v);
            switch ((String) a[0]) {
                case "base64":
                    return Base64.getEncoder().encodeToString(b);
                case "base64url":
                    return Base64.getUrlEncoder().encodeToString(b);
                case "base64rawurl":
                    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
                case "hex":
                    return HexFormat.of().formatHex(b);
                case "ascii85":
                    return Ascii85.encode(b);
                case "z85":
                    return Z85.encode(b);
                default:
                    throw new EvalError("unrecognized encoding type: " + a[0]);
            }
        });
        Library.method("decode", Signature.of(req("scheme", Type.STRING)), (v, a, c) -> {
            String s = Values.getString(v);
            try {
                switch ((String) a[0]) {
                    case "base64":
                        return Base64.getDecoder().decode(s);
                    case "base64url":
                        return Base64.getUrlDecoder().decode(s);
                    case "base64rawurl":
                        return Base64.getUrlDecoder().decode(s);
                    case "hex":
                        return HexFormat.of().parseHex(s);
                    case "ascii85":
                        return Ascii85.decode(s);
                    case "z85":
                        return Z85.decode(s);
                    default:
                        throw new EvalError("unrecognized encoding type: " + a[0]);
                }
            } catch (IllegalArgumentException e) {
                throw new EvalError("illegal " + a[0] + " data: " + e.getMessage());
            }
        });
        Library.method("hash", Signature.of(req("algorithm", Type.STRING), opt("key", Type.STRING),
                def("polynomial", Type.STRING, "IEEE")), (v, a, c) -> {
                    if (!(v instanceof String) && !(v instanceof byte[])) {
                        throw new TypeError(v, "string");
                    }
                    return hash(Values.getBytes(v), (String) a[0], a[1] == Param.ABSENT ? null : (String) a[1], (String) a[2]);
                });
        Library.plugin("compress", Signature.of(req("algorithm", Type.STRING), def("level", Type.INT, -1L)), false,
                (v, a, c) -> Compression.compress((String) a[0], ((Long) a[1]).intValue(), Values.getBytes(v)));
        Library.plugin("decompress", Signature.of(req("algorithm", Type.STRING)), false,
                (v, a, c) -> Compression.decompress((String) a[0], Values.getBytes(v)));
    }

    private static byte[] hash(byte[] b, String algorithm, String key, String polynomial) {
        switch (algorithm) {
            case "md5":
                return digest("MD5", b);
            case "sha1":
                return digest("SHA-1", b);
            case "sha256":
                return digest("SHA-256", b);
            case "sha512":
                return digest("SHA-512", b);
            case "hmac_sha1":
            case "hmac-sha1":
                return hmac("HmacSHA1", algorithm, key, b);
            case "hmac_sha256":
            case "hmac-sha256":
                return hmac("HmacSHA256", algorithm, key, b);
            case "hmac_sha512":
            case "hmac-sha512":
                return hmac("HmacSHA512", algorithm, key, b);
            case "crc32":
                return Checksums.crc32(b, polynomial);
            case "fnv32":
                return StringMethods.utf8(Long.toString(Checksums.fnv32(b)));
            case "xxhash64":
                return StringMethods.utf8(Checksums.xxhash64(b));
            default:
                throw new EvalError("unrecognized hash type: " + algorithm);
        }
    }

    private static byte[] digest(String alg, byte[] b) {
        try {
            return MessageDigest.getInstance(alg).digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new EvalError(e.getMessage());
        }
    }

    private static byte[] hmac(String alg, String name, String key, byte[] b) {
        if (key == null || key.isEmpty()) {
            throw new EvalError("hash algorithm " + name + " requires a key argument");
        }
        try {
            Mac mac = Mac.getInstance(alg);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), alg));
            return mac.doFinal(b);
        } catch (java.security.GeneralSecurityException e) {
            throw new EvalError(e.getMessage());
        }
    }

    /** Go's encoding/ascii85 (no delimiters; "z" for zero groups). */
    static final class Ascii85 {
        private Ascii85() {
        }

        static String encode(byte[] b) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < b.length; i += 4) {
                int n = Math.min(4, b.length - i);
                long v = 0;
                for (int j = 0; j < 4; j++) {
                    v = (v << 8) | (j < n ? (b[i + j] & 0xff) : 0);
                }
                if (v == 0 && n == 4) {
                    s.append('z');
                    continue;
                }
                char[] out = new char[5];
                for (int j = 4; j >= 0; j--) {
                    out[j] = (char) ('!' + v % 85);
                    v /= 85;
                }
                s.append(out, 0, n + 1);
            }
            return s.toString();
        }

        static byte[] decode(String s) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            long v = 0;
            int n = 0;
            for (char ch : s.toCharArray()) {
                if (Character.isWhitespace(ch)) {
                    continue;
                }
                if (ch == 'z' && n == 0) {
                    out.write(0);
                    out.write(0);
                    out.write(0);
                    out.write(0);
                    continue;
                }
                if (ch < '!' || ch > 'u') {
                    throw new IllegalArgumentException("illegal ascii85 data");
                }
                v = v * 85 + (ch - '!');
                n++;
                if (n == 5) {
                    for (int j = 3; j >= 0; j--) {
                        out.write((int) (v >>> (8 * j)) & 0xff);
                    }
                    v = 0;
                    n = 0;
                }
            }
            if (n > 0) {
                for (int j = n; j < 5; j++) {
                    v = v * 85 + 84;
                }
                for (int j = 3; j > 4 - n; j--) {
                    out.write((int) (v >>> (8 * j)) & 0xff);
                }
            }
            return out.toByteArray();
        }
    }
}
