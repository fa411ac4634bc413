package io.sluice.bloblang.lib;

import static io.sluice.bloblang.lib.Param.req;

import io.sluice.bloblang.lib.Param.Type;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.TypeError;
import io.sluice.bloblang.value.Values;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** AES encryption, JWT parsing and password-hash comparison. */
final class CryptoMethods {
    private static final int AES_BLOCK = 16;

    private CryptoMethods() {
    }

    /** Keys and vectors are raw bytes: a string argument stands for its UTF-8 bytes. */
    private static byte[] raw(Object v) {
        if (!(v instanceof String) && !(v instanceof byte[])) {
            throw new TypeError(v, "string");
        }
        return Values.getBytes(v);
    }

    static void register() {
        Signature aes = Signature.of(req("scheme", Type.STRING), req("key", Type.ANY), req("iv", Type.ANY));
        Library.method("encrypt_aes", aes, (v, a, c) -> aes(Cipher.ENCRYPT_MODE, raw(v), (String) a[0], raw(a[1]), raw(a[2])));
        Library.method("decrypt_aes", aes, (v, a, c) -> aes(Cipher.DECRYPT_MODE, raw(v), (String) a[0], raw(a[1]), raw(a[2])));
        for (String alg : new String[] {"HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512"}) {
            Library.pluginCtor("parse_jwt_" + alg.toLowerCase(java.util.Locale.ROOT),
                    Signature.of(req("signing_secret", Type.STRING)), false, a -> {
                        JwtParser parser = JwtParser.forAlgorithm(alg, (String) a[0]);
                        return (v, x, c) -> parser.claims(Values.getString(raw(v)));
                    });
        }
        Library.plugin("compare_bcrypt", Signature.of(req("hashed_secret", Type.STRING)), false, (v, a, c) -> {
            try {
                return OpenBSDBCrypt.checkPassword((String) a[0], raw(v));
            } catch (IllegalArgumentException e) {
                throw new EvalError(e.getMessage());
            }
        });
        Library.plugin("compare_argon2", Signature.of(req("hashed_secret", Type.STRING)), false,
                (v, a, c) -> argon2Matches((String) a[0], raw(v)));
    }

    private static byte[] aes(int mode, byte[] data, String scheme, byte[] key, byte[] iv) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new EvalError("crypto/aes: invalid key size " + key.length);
        }
        boolean encrypt = mode == Cipher.ENCRYPT_MODE;
        String transformation;
        switch (scheme) {
            case "ctr":
                transformation = "AES/CTR/NoPadding";
                break;
            case "ofb":
                transformation = "AES/OFB/NoPadding";
                break;
            case "cbc":
                transformation = "AES/CBC/NoPadding";
                if (data.length % AES_BLOCK != 0) {
                    throw new EvalError((encrypt ? "plaintext" : "ciphertext") + " is not a multiple of the block size");
                }
                break;
            case "gcm":
                transformation = "AES/GCM/NoPadding";
                break;
            default:
                throw new EvalError("unrecognized " + (encrypt ? "encryption" : "decryption") + " type: " + scheme);
        }
        if (!scheme.equals("gcm") && iv.length != AES_BLOCK) {
            throw new EvalError("the key must match the initialisation vector size");
        }
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            SecretKeySpec k = new SecretKeySpec(key, "AES");
            if (scheme.equals("gcm")) {
                // Go's GCM: a 128-bit tag appended to the ciphertext
                cipher.init(mode, k, new GCMParameterSpec(128, iv));
            } else {
                cipher.init(mode, k, new IvParameterSpec(iv));
            }
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            if (scheme.equals("gcm") && !encrypt) {
                throw new EvalError("gcm decrypting failed: cipher: message authentication failed");
            }
            throw new EvalError(e.getMessage());
        }
    }

    /** {@code $argon2id$v=19$m=4096,t=3,p=1$<salt>$<key>}, base64 without padding. */
    private static boolean argon2Matches(String hashed, byte[] secret) {
        String[] parts = hashed.split("\\$", -1);
        if (parts.length != 6) {
            throw new EvalError("invalid argon2 hash");
        }
        int type;
        if (parts[1].equals("argon2id")) {
            type = Argon2Parameters.ARGON2_id;
        } else if (parts[1].equals("argon2i")) {
            type = Argon2Parameters.ARGON2_i;
        } else {
            throw new EvalError("invalid argon2 hash: unrecognised argon2 format");
        }
        if (!parts[2].startsWith("v=")) {
            throw new EvalError("invalid argon2 hash: failed to parse version");
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("m=(\\d+),t=(\\d+),p=(\\d+)").matcher(parts[3]);
        if (!m.matches()) {
            throw new EvalError("invalid argon2 hash: failed to parse parameters");
        }
        byte[] salt;
        byte[] key;
        try {
            salt = Base64.getDecoder().decode(parts[4]);
            key = Base64.getDecoder().decode(parts[5]);
        } catch (IllegalArgumentException e) {
            throw new EvalError("invalid argon2 hash: failed to parse base64 salt or key");
        }
        Argon2Parameters params = new Argon2Parameters.Builder(type)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(Integer.parseInt(m.group(1)))
                .withIterations(Integer.parseInt(m.group(2)))
                .withParallelism(Integer.parseInt(m.group(3)))
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] derived = new byte[key.length];
        generator.generateBytes(secret, derived);
        return MessageDigest.isEqual(derived, key);
    }
}
