package io.sluice.routes.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "/api/orders /api/orders",
            "/ /",
            "/api/ /api/",
            "//api//orders /api/orders",
            "/api/../secret /secret",
            "/api/./orders/. /api/orders/",
            "/api/orders/.. /api/",
            "/../../etc/passwd /etc/passwd",
            "/api%2Forders /api/orders",
            "/api%2forders /api/orders",
            "/x/%2e%2e/api /api",
            "/x/%2E%2E%2Fapi /api",
            "/x/.%2e/api /api",
            "/%61pi/orders /api/orders",
            "/api;jsessionid=1/orders /api/orders",
            "/api/orders;v=2 /api/orders",
            "/api/a%3Bb /api/a;b",
            "/API/Orders /API/Orders",
            "/api/%252e%252e/x /api/%2e%2e/x",
            "/caf%C3%A9 /café",
    })
    void canonicalForm(String raw, String canonical) {
        assertThat(RequestPath.of(raw).canonical()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/%", "/api/%4", "/api/%zz", "/api/%C3", "/api/%FF%FE", "/api/%00", "/api/a%0Ab",
            "/api%5C..%5Csecret", "/api\\..\\secret", "/api/\u0007"})
    void malformedPathsAre400(String raw) {
        assertThatThrownBy(() -> RequestPath.of(raw))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @ValueSource(ints = {RequestPath.MAX_LENGTH + 1, 100_000})
    @ParameterizedTest
    void overLongPathsAre414(int length) {
        String raw = "/" + "a".repeat(length - 1);
        assertThatThrownBy(() -> RequestPath.of(raw))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.status()).isEqualTo(414));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', quoteCharacter = '"', value = {
            "/api/orders /api/orders",
            "/a;b /a%3Bb",
            "/a%b /a%25b",
            "/café /caf%C3%A9",
            "/a?b#c /a%3Fb%23c",
            "/a:b@c!$&'()*+,= /a:b@c!$&'()*+,=",
    })
    void encodedForTheUpstreamSoItReadsTheSamePath(String canonical, String wire) {
        assertThat(RequestPath.encode(canonical)).isEqualTo(wire);
        assertThat(RequestPath.of(wire).canonical()).isEqualTo(canonical);
    }
}
