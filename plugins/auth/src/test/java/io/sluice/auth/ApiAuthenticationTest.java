package io.sluice.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.auth.ApiAuthentication.TokenLocation;
import io.sluice.auth.ApiAuthentication.Where;
import io.sluice.translator.model.ApiDefinition;
import io.sluice.translator.model.ApiDefinitionParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiAuthenticationTest {

    private static ApiDefinition api(String openApiParts, String authentication) {
        String doc = """
                {"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},%s
                 "x-tyk-api-gateway":{"info":{"name":"t","state":{"active":true}},
                   "server":{%s"listenPath":{"value":"/t/"}},"upstream":{"url":""}}}""".formatted(openApiParts, authentication);
        return new ApiDefinitionParser().parse("t.json", doc.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keylessWhenAuthenticationIsOffOrAbsent() {
        assertThat(ApiAuthentication.of(api("", "")).enabled()).isFalse();
        assertThat(ApiAuthentication.of(api("", "\"authentication\":{\"enabled\":false},")).enabled()).isFalse();
    }

    @Test
    void authTokenFromTheOpenApiSchemeAndTyksExtraPlaces() {
        ApiAuthentication auth = ApiAuthentication.of(api("""
                "components":{"securitySchemes":{"k":{"type":"apiKey","in":"header","name":"X-Api-Key"}}},
                "security":[{"k":[]}],""", """
                "authentication":{"enabled":true,"securitySchemes":{"k":{"enabled":true,
                  "query":{"enabled":true,"name":"key"},"cookie":{"enabled":true,"name":"session"},
                  "header":{"enabled":false,"name":"Ignored"}}}},"""));
        assertThat(auth.enabled()).isTrue();
        assertThat(auth.tokenLocations()).containsExactly(new TokenLocation(Where.HEADER, "X-Api-Key"),
                new TokenLocation(Where.QUERY, "key"), new TokenLocation(Where.COOKIE, "session"));
        assertThat(auth.unsupported()).isEmpty();
    }

    @Test
    void schemesFromTheSecurityRequirementWhenTheExtensionNamesNone() {
        ApiAuthentication auth = ApiAuthentication.of(api("""
                "components":{"securitySchemes":{"k":{"type":"apiKey","in":"query","name":"token"}}},
                "security":[{"k":[]}],""", "\"authentication\":{\"enabled\":true},"));
        assertThat(auth.tokenLocations()).containsExactly(new TokenLocation(Where.QUERY, "token"));
    }

    @Test
    void methodsNotCheckedYetAreNamed() {
        ApiAuthentication auth = ApiAuthentication.of(api("""
                "components":{"securitySchemes":{"o":{"type":"oauth2","flows":{}}}},
                "security":[{"o":[]}],""", "\"authentication\":{\"enabled\":true,\"securitySchemes\":{\"o\":{\"enabled\":true}}},"));
        assertThat(auth.tokenLocations()).isEmpty();
        assertThat(auth.unsupported()).containsExactly("o (oauth2)");
    }
}
