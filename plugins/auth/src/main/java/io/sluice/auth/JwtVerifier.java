package io.sluice.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.sluice.routes.front.GatewayException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a JWT as Tyk's JWT middleware does, with Nimbus JOSE: the signature against the scheme's {@code source}
 * (an HMAC secret, a PEM public key, or a JWKS URL; Tyk writes these base64-encoded) or its {@code jwksURIs}, for
 * the algorithms of {@code signingMethod}; then {@code exp}/{@code nbf} with the configured clock skew, and the
 * allowed issuers, audiences and subjects. A failure is Tyk's answer: 401 for an expired token, 403 otherwise.
 */
final class JwtVerifier {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Set<String> allowedSubjects;
    private final List<String> identityClaims;
    private final String policyClaim;
    private final List<String> defaultPolicies;

    /** A token that passed: who it stands for, and the policies that make its session. */
    record Verified(String identity, List<String> policies) {
    }

    JwtVerifier(JsonNode tyk) {
        String method = tyk.path("signingMethod").asText("");
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms(method), keys(tyk, method)));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                texts(tyk.path("allowedAudiences")).isEmpty() ? null : new HashSet<>(texts(tyk.path("allowedAudiences"))),
                null, Set.of(), null) {
            private final Set<String> issuers = new HashSet<>(texts(tyk.path("allowedIssuers")));

            @Override
            public void verify(JWTClaimsSet claimsSet, SecurityContext context) throws BadJWTException {
                super.verify(claimsSet, context);
                if (!issuers.isEmpty() && !issuers.contains(claimsSet.getIssuer())) {
                    throw new BadJWTException("JWT issuer not allowed");
                }
            }
        };
        claims.setMaxClockSkew((int) Math.max(tyk.path("expiresAtValidationSkew").asLong(0),
                tyk.path("notBeforeValidationSkew").asLong(0)));
        processor.setJWTClaimsSetVerifier(claims);
        allowedSubjects = new HashSet<>(texts(tyk.path("allowedSubjects")));
        List<String> identity = new ArrayList<>(texts(tyk.path("subjectClaims")));
        if (identity.isEmpty() && !tyk.path("identityBaseField").asText("").isEmpty()) {
            identity.add(tyk.path("identityBaseField").asText());
        }
        identity.add("sub");
        identityClaims = List.copyOf(identity);
        List<String> policyClaims = texts(tyk.path("basePolicyClaims"));
        policyClaim = !policyClaims.isEmpty() ? policyClaims.get(0) : tyk.path("policyFieldName").asText("");
        defaultPolicies = texts(tyk.path("defaultPolicies"));
    }

    /** @return the token's identity (the first identity claim it has) and the policies it names */
    Verified verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (BadJWTException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Expired JWT")) {
                throw new GatewayException(401, "Key has expired, please renew");
            }
            throw new GatewayException(403, "Key not authorized");
        } catch (Exception e) {
            throw new GatewayException(403, "Key not authorized");
        }
        if (!allowedSubjects.isEmpty() && !allowedSubjects.contains(claims.getSubject())) {
            throw new GatewayException(403, "Key not authorized");
        }
        for (String claim : identityClaims) {
            Object value = claims.getClaim(claim);
            if (value != null && !value.toString().isEmpty()) {
                return new Verified(value.toString(), policies(claims));
            }
        }
        throw new GatewayException(403, "Key not authorized: no identity claim (" + String.join(", ", identityClaims) + ")");
    }

    private List<String> policies(JWTClaimsSet claims) {
        Object named = policyClaim.isEmpty() ? null : claims.getClaim(policyClaim);
        if (named instanceof List<?> list && !list.isEmpty()) {
            return list.stream().map(String::valueOf).toList();
        }
        if (named != null && !named.toString().isEmpty()) {
            return List.of(named.toString());
        }
        return defaultPolicies;
    }

    private static Set<JWSAlgorithm> algorithms(String method) {
        return switch (method) {
            case "hmac" -> Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);
            case "rsa" -> Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
                    JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);
            case "ecdsa" -> Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
            // unset: every asymmetric algorithm; HMAC only when named, so a public key is never used as a secret
            default -> Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256,
                    JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
        };
    }

    private static JWKSource<SecurityContext> keys(JsonNode tyk, String method) {
        List<String> jwks = new ArrayList<>();
        tyk.path("jwksURIs").forEach(u -> jwks.add(u.isTextual() ? u.asText() : u.path("url").asText()));
        String source = decoded(tyk.path("source").asText(""));
        if (jwks.isEmpty() && source.startsWith("http")) {
            jwks.add(source);
        }
        if (!jwks.isEmpty()) {
            try {
                return JWKSourceBuilder.create(URI.create(jwks.get(0)).toURL()).cache(true).build();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalArgumentException("JWT jwks URL is not a URL: " + jwks.get(0), e);
            }
        }
        if ("hmac".equals(method)) {
            return new ImmutableSecret<>(source.getBytes(StandardCharsets.UTF_8));
        }
        return new ImmutableJWKSet<>(new JWKSet(publicKey(source)));
    }

    /** A PEM public key (RSA or EC), read with the JDK. */
    private static com.nimbusds.jose.jwk.JWK publicKey(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                return key instanceof RSAPublicKey rsa ? new RSAKey.Builder(rsa).build()
                        : new ECKey.Builder(Curve.forECParameterSpec(((ECPublicKey) key).getParams()), (ECPublicKey) key).build();
            } catch (Exception tryNext) {
                // not this key type
            }
        }
        throw new IllegalArgumentException("JWT source is neither an HMAC secret nor a PEM RSA/EC public key");
    }

    /** Tyk stores {@code source} base64-encoded; a value that is not base64 is taken as it is. */
    private static String decoded(String source) {
        try {
            return new String(Base64.getDecoder().decode(source), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return source;
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
