package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.sluice.runtime.config.SluiceConfig;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bearer JWTs checked as Tyk's JWT middleware does: static HMAC secret, and RSA keys from a JWKS URL. */
class JwtTest {

    static final String SECRET = "a-shared-secret-that-is-at-least-32-bytes";
    static SluiceServer sluice;
    static HttpServer jwks;
    static RSAKey rsa;

    @BeforeAll
    static void start() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("k1").generate();
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] set = new JWKSet(rsa.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks.json", e -> {
            e.getResponseHeaders().add("Content-Type", "application/json");
            e.sendResponseHeaders(200, set.length);
            e.getResponseBody().write(set);
            e.close();
        });
        jwks.start();
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0));
        deploy("hs", "\"signingMethod\":\"hmac\",\"source\":\""
                + Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8))
                + "\",\"allowedIssuers\":[\"issuer-a\"],\"identityBaseField\":\"user\"");
        deploy("rs", "\"signingMethod\":\"rsa\",\"jwksURIs\":[{\"url\":\"http://127.0.0.1:"
                + jwks.getAddress().getPort() + "/jwks.json\"}]");
    }

    private static void deploy(String name, String jwtSettings) {
        String doc = """
                {"openapi":"3.0.3","info":{"title":"%1$s","version":"1"},"paths":{},
                 "components":{"securitySchemes":{"jwt":{"type":"http","scheme":"bearer","bearerFormat":"JWT"}}},
                 "security":[{"jwt":[]}],
                 "x-tyk-api-gateway":{"info":{"id":"%1$s","name":"%1$s","state":{"active":true}},
                   "server":{"authentication":{"enabled":true,"securitySchemes":{"jwt":{"enabled":true,%2$s}}},
                     "listenPath":{"value":"/%1$s/","strip":true}},"upstream":{"url":""}},
                 "x-tyk-streaming":{"streams":{"in":{"input":{"http_server":{"path":"/in"}},"output":{"drop":{}}}}}}
                """.formatted(name, jwtSettings);
        assertThat(sluice.deploy(name + ".json", doc.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
    }

    @AfterAll
    static void stop() {
        sluice.close();
        jwks.stop(0);
    }

    private static String token(JWSSigner signer, JWSAlgorithm alg, String keyId, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(keyId).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(String issuer, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject("sub-1").claim("user", "alice")
                .expirationTime(Date.from(expires)).build();
    }

    private static HttpResponse<String> post(String path, String bearer) throws Exception {
        return HttpClients.post(sluice.port(), path, "x", "Authorization", bearer == null ? null : "Bearer " + bearer);
    }

    @Test
    void hmacTokensAreCheckedForSignatureExpiryAndIssuer() throws Exception {
        MACSigner good = new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8));
        Instant later = Instant.now().plusSeconds(600);
        assertThat(post("/hs/in", token(good, JWSAlgorithm.HS256, null, claims("issuer-a", later))).statusCode())
                .isEqualTo(200);

        HttpResponse<String> missing = post("/hs/in", null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("{\"error\":\"Authorization field missing\"}");

        MACSigner forged = new MACSigner("another-secret-that-is-also-32-bytes-long".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> badSignature = post("/hs/in", token(forged, JWSAlgorithm.HS256, null, claims("issuer-a", later)));
        assertThat(badSignature.statusCode()).isEqualTo(403);
        assertThat(badSignature.body()).isEqualTo("{\"error\":\"Key not authorized\"}");

        HttpResponse<String> expired = post("/hs/in",
                token(good, JWSAlgorithm.HS256, null, claims("issuer-a", Instant.now().minusSeconds(600))));
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).isEqualTo("{\"error\":\"Key has expired, please renew\"}");

        assertThat(post("/hs/in", token(good, JWSAlgorithm.HS256, null, claims("issuer-b", later))).statusCode())
                .as("issuer not allowed").isEqualTo(403);
        assertThat(post("/hs/in", "not.a.jwt").statusCode()).isEqualTo(403);
    }

    @Test
    void rsaTokensAreCheckedAgainstTheJwksUrl() throws Exception {
        Instant later = Instant.now().plusSeconds(600);
        assertThat(post("/rs/in", token(new RSASSASigner(rsa), JWSAlgorithm.RS256, "k1", claims("any", later)))
                .statusCode()).isEqualTo(200);

        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        assertThat(post("/rs/in", token(new RSASSASigner(stranger), JWSAlgorithm.RS256, "k1", claims("any", later)))
                .statusCode()).isEqualTo(403);
        // An HMAC token must never pass where RSA is configured (no algorithm confusion).
        assertThat(post("/rs/in", token(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256, "k1",
                claims("any", later))).statusCode()).isEqualTo(403);
    }
}
