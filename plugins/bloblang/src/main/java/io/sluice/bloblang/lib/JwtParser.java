package io.sluice.bloblang.lib;

import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoJson;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a compact JWT signed with one expected algorithm and returns its claims, as Bento's
 * {@code parse_jwt_*} methods do (golang-jwt v5): the signature and the {@code exp}/{@code nbf}
 * times are checked, claim numbers come back as floats.
 */
final class JwtParser {
    private final String alg;
    private final byte[] hmacKey;
    private final PublicKey publicKey;

    private JwtParser(String alg, byte[] hmacKey, PublicKey publicKey) {
        this.alg = alg;
        this.hmacKey = hmacKey;
        this.publicKey = publicKey;
    }

    static JwtParser forAlgorithm(String alg, String secret) {
        if (alg.startsWith("HS")) {
            return new JwtParser(alg, secret.getBytes(StandardCharsets.UTF_8), null);
        }
        return new JwtParser(alg, null, publicKey(secret, alg.startsWith("RS") ? "RSA" : "EC"));
    }

    /** A PEM public key (PKIX, PKCS#1 for RSA) or certificate. */
    private static PublicKey publicKey(String pem, String keyType) {
        try {
            if (pem.contains("BEGIN CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                        .getPublicKey();
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            KeyFactory factory = KeyFactory.getInstance(keyType);
            if (pem.contains("BEGIN RSA PUBLIC KEY")) {
                org.bouncycastle.asn1.pkcs.RSAPublicKey rsa = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(der);
                return factory.generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            return factory.generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new EvalError("invalid key: key must be a PEM encoded PKCS1 or PKCS8 key");
        }
    }

    Map<String, Object> claims(String token) {
        try {
            return verify(token);
        } catch (EvalError e) {
            throw new EvalError("failed to parse JWT string: " + e.getMessage());
        }
    }

    private Map<String, Object> verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new EvalError("token is malformed: token contains an invalid number of segments");
        }
        Object header = json(parts[0], "header");
        Object headerAlg = header instanceof Map ? ((Map<?, ?>) header).get("alg") : null;
        if (!alg.equals(headerAlg)) {
            throw new EvalError("token is unverifiable: error while executing keyfunc: incorrect signing method: "
                    + headerAlg);
        }
        Object claims = json(parts[1], "claims");
        if (!(claims instanceof Map)) {
            throw new EvalError("token is malformed: could not JSON decode claim");
        }
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!signatureValid(signed, decode(parts[2], "signature"))) {
            throw new EvalError("token signature is invalid: " + (hmacKey != null ? "signature is invalid"
                    : alg.startsWith("RS") ? "crypto/rsa: verification error" : "ECDSA verification failure"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) StructuredMethods.floatsOnly(claims);
        checkTimes(out);
        return out;
    }

    private static byte[] decode(String segment, String what) {
        try {
            return Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            throw new EvalError("token is malformed: could not base64 decode " + what);
        }
    }

    private static Object json(String segment, String what) {
        try {
            return GoJson.parse(decode(segment, what));
        } catch (EvalError e) {
            throw new EvalError("token is malformed: could not JSON decode " + what);
        }
    }

    private boolean signatureValid(byte[] signed, byte[] signature) {
        String bits = alg.substring(2);
        try {
            if (hmacKey != null) {
                Mac mac = Mac.getInstance("HmacSHA" + bits);
                mac.init(new SecretKeySpec(hmacKey, mac.getAlgorithm()));
                return MessageDigest.isEqual(mac.doFinal(signed), signature);
            }
            // JWS carries ECDSA signatures as r||s (IEEE P1363), not DER
            Signature verifier = Signature.getInstance("SHA" + bits + "with"
                    + (alg.startsWith("RS") ? "RSA" : "ECDSAinP1363Format"));
            verifier.initVerify(publicKey);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** golang-jwt's default validation: an expiry in the past or a not-before in the future. */
    private static void checkTimes(Map<String, Object> claims) {
        double now = System.currentTimeMillis() / 1000.0;
        Object exp = claims.get("exp");
        if (exp instanceof Number && now >= ((Number) exp).doubleValue()) {
            throw new EvalError("token has invalid claims: token is expired");
        }
        Object nbf = claims.get("nbf");
        if (nbf instanceof Number && now < ((Number) nbf).doubleValue()) {
            throw new EvalError("token has invalid claims: token is not valid yet");
        }
    }
}
