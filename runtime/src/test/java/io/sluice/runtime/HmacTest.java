package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.config.SluiceConfig;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tyk's HMAC request signatures, signed here the way a Tyk client library signs them. */
class HmacTest {

    static final String SECRET = "gw-secret";
    static SluiceServer sluice;

    @BeforeAll
    static void start() throws Exception {
        sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0).withSecret(SECRET));
        String doc = """
                {"openapi":"3.0.3","info":{"title":"signed","version":"1"},"paths":{},
                 "x-tyk-api-gateway":{"info":{"id":"signed","name":"signed","state":{"active":true}},
                   "server":{"authentication":{"enabled":true,
                       "hmac":{"enabled":true,"allowedAlgorithms":["hmac-sha256"],"allowedClockSkew":5000}},
                     "listenPath":{"value":"/signed/","strip":true}},"upstream":{"url":""}},
                 "x-tyk-streaming":{"streams":{"in":{"input":{"http_server":{"path":"/in"}},"output":{"drop":{}}}}}}""";
        assertThat(sluice.deploy("signed.json", doc.getBytes(StandardCharsets.UTF_8)).problems()).isEmpty();
        HttpResponse<String> key = HttpClients.admin(sluice.port(), SECRET, "POST", "/tyk/keys/client-1",
                "{\"hmac_enabled\":true,\"hmac_string\":\"shh\",\"access_rights\":{\"signed\":{\"api_id\":\"signed\"}}}");
        assertThat(key.statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        sluice.close();
    }

    private static String signature(String secret, String date) throws Exception {
        // With x-aux-date sent in place of Date, the signed line carries that header's own name, as in Tyk.
        String signed = "(request-target): post /signed/in\nx-aux-date: " + date;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String b64 = Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        return "Signature keyId=\"client-1\",algorithm=\"hmac-sha256\",headers=\"(request-target) date\",signature=\""
                + URLEncoder.encode(b64, StandardCharsets.UTF_8) + "\"";
    }

    private static HttpResponse<String> post(String authorization, String date) throws Exception {
        // the JDK client may not set Date itself; Tyk reads x-aux-date as its alternative
        return HttpClients.post(sluice.port(), "/signed/in", "x", "Authorization", authorization, "x-aux-date", date);
    }

    private static String date(ZonedDateTime when) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(when.withZoneSameInstant(ZoneOffset.UTC));
    }

    @Test
    void aCorrectSignatureWithinTheClockSkewPasses() throws Exception {
        String now = date(ZonedDateTime.now());
        assertThat(post(signature("shh", now), now).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongSecretsStaleDatesAndMissingHeadersAre400() throws Exception {
        String now = date(ZonedDateTime.now());
        String failure = "{\"error\":\"Authorization field missing, malformed or invalid\"}";
        HttpResponse<String> forged = post(signature("guess", now), now);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).isEqualTo(failure);
        String stale = date(ZonedDateTime.now().minusMinutes(5));
        assertThat(post(signature("shh", stale), stale).statusCode()).as("outside the 5 s skew").isEqualTo(400);
        assertThat(post(null, now).statusCode()).isEqualTo(400);
        assertThat(post("Signature keyId=\"client-1\",algorithm=\"hmac-sha1\",signature=\"x\"", now).statusCode())
                .as("algorithm not allowed").isEqualTo(400);
    }
}
