package io.sluice.bloblang.lib;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bloblang.Bloblang;
import io.sluice.bloblang.Message;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CryptoMethodsTest {
    private static final String SECRET = "dont-tell-anyone";

    private static String hs256(String claims) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return signed + "." + b64.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
    }

    private static Message parseJwt(String method, String token) {
        return Bloblang.parse("root = this.t." + method + "(\"" + SECRET + "\").catch(e -> e)")
                .apply(Message.of("{\"t\":\"" + token + "\"}"));
    }

    @Test
    void expiredTokensAndWrongAlgorithmsAreRefused() throws Exception {
        assertThat(parseJwt("parse_jwt_hs256", hs256("{\"sub\":\"a\",\"exp\":1000}")).contentAsString())
                .isEqualTo("failed to parse JWT string: token has invalid claims: token is expired");
        assertThat(parseJwt("parse_jwt_hs512", hs256("{\"sub\":\"a\"}")).contentAsString()).contains("incorrect signing method: HS256");
        String tampered = hs256("{\"sub\":\"a\"}").replaceFirst("\\.[^.]+\\.", "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"b\"}".getBytes(StandardCharsets.UTF_8)) + ".");
        assertThat(parseJwt("parse_jwt_hs256", tampered).contentAsString()).contains("signature is invalid");
        assertThat(parseJwt("parse_jwt_hs256", hs256("{\"sub\":\"a\",\"n\":2}")).contentAsString()).isEqualTo("{\"n\":2,\"sub\":\"a\"}");
    }

    @Test
    void aesModesRoundTrip() {
        String mapping = "let key = \"000102030405060708090a0b0c0d0e0f\".decode(\"hex\")\n"
                + "let iv = \"%s\".decode(\"hex\")\n"
                + "root = this.v.encrypt_aes(\"%s\", $key, $iv).decrypt_aes(\"%s\", $key, $iv).string()";
        for (String[] mode : new String[][] {{"ctr", "000102030405060708090a0b0c0d0e0f"},
            {"ofb", "000102030405060708090a0b0c0d0e0f"}, {"gcm", "000102030405060708090a0b"}}) {
            Message out = Bloblang.parse(String.format(mapping, mode[1], mode[0], mode[0]))
                    .apply(Message.of("{\"v\":\"any length at all\"}"));
            assertThat(out.contentAsString()).as(mode[0]).isEqualTo("any length at all");
        }
    }

    @Test
    void jsonSchemaFailuresAreWordedLikeBento() {
        String schema = "{\"type\":\"object\",\"required\":[\"id\"],\"properties\":{\"tags\":{\"type\":\"array\","
                + "\"items\":{\"type\":\"string\"}}}}";
        Message out = Bloblang.parse("root = this.json_schema(\"\"\"" + schema + "\"\"\").catch(e -> e)")
                .apply(Message.of("{\"tags\":[\"a\",3]}"));
        assertThat(out.contentAsString()).contains("(root) id is required")
                .contains("tags.1 invalid type. expected: string, given: integer");
    }
}
