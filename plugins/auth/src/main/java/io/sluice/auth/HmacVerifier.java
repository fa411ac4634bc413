package io.sluice.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.routes.front.GatewayException;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tyk's HMAC request signatures ({@code x-tyk-api-gateway.server.authentication.hmac}): the request carries
 * {@code Authorization: Signature keyId="…",algorithm="hmac-sha256",headers="(request-target) date",signature="…"};
 * the key's session must have {@code hmac_enabled} and an {@code hmac_string} secret; the signature is the base64
 * HMAC of the named headers, one {@code name: value} line each, and the {@code Date} header must be within the
 * allowed clock skew (milliseconds; 0 or less turns the check off). Every failure is Tyk's single 400.
 */
final class HmacVerifier {

    static final String FAILURE = "Authorization field missing, malformed or invalid";

    private final Set<String> allowedAlgorithms;
    private final long allowedClockSkewMillis;

    HmacVerifier(JsonNode hmac) {
        Set<String> allowed = new HashSet<>();
        hmac.path("allowedAlgorithms").forEach(a -> allowed.add(a.asText()));
        this.allowedAlgorithms = Set.copyOf(allowed);
        this.allowedClockSkewMillis = hmac.path("allowedClockSkew").asLong(0);
    }

    /** @return the key the signature was made with, once it checked out against that key's session */
    Keys.Found verify(HttpServerRequest request, Keys keys, Clock clock) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            throw new GatewayException(400, FAILURE);
        }
        String fields = header.strip();
        if (fields.regionMatches(true, 0, "Signature", 0, 9)) {
            fields = fields.substring(9).strip();
        }
        String keyId = null;
        String algorithm = "hmac-sha1";
        List<String> headers = new ArrayList<>(List.of("date"));
        String signature = null;
        for (String element : fields.split(",")) {
            int eq = element.indexOf('=');
            if (eq < 0 || element.indexOf('=', eq + 1) >= 0 && !element.substring(0, eq).strip().equalsIgnoreCase("signature")) {
                throw new GatewayException(400, FAILURE);
            }
            String value = element.substring(eq + 1).strip().replaceAll("^\"|\"$", "");
            switch (element.substring(0, eq).strip().toLowerCase(Locale.ROOT)) {
                case "keyid" -> keyId = value;
                case "algorithm" -> algorithm = value;
                case "headers" -> headers = List.of(value.split(" "));
                case "signature" -> signature = value;
                default -> throw new GatewayException(400, FAILURE);
            }
        }
        if (keyId == null || signature == null || !allowedAlgorithms.isEmpty() && !allowedAlgorithms.contains(algorithm)) {
            throw new GatewayException(400, FAILURE);
        }
        Keys.Found key = keys.find(keyId).orElseThrow(() -> new GatewayException(400, FAILURE));
        Session session = key.session();
        String secret = session.json().path("hmac_string").asText("");
        if (!session.json().path("hmac_enabled").asBoolean(false) || secret.isEmpty()) {
            throw new GatewayException(400, FAILURE);
        }
        byte[] expected = sign(signingString(request, headers), secret, algorithm);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(URLDecoder.decode(signature, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new GatewayException(400, FAILURE);
        }
        if (!MessageDigest.isEqual(expected, given) || !withinClockSkew(request, clock)) {
            throw new GatewayException(400, FAILURE);
        }
        return key;
    }

    /** One {@code name: value} line per signed header; {@code date} may come as {@code x-aux-date} (browsers). */
    static String signingString(HttpServerRequest request, List<String> headers) {
        List<String> lines = new ArrayList<>();
        for (String h : headers) {
            String name = h.strip().toLowerCase(Locale.ROOT);
            if (name.equals("(request-target)")) {
                lines.add("(request-target): " + request.method().name().toLowerCase(Locale.ROOT) + " " + request.path());
            } else if (name.equals("date") && request.getHeader("x-aux-date") != null) {
                lines.add("x-aux-date: " + request.getHeader("x-aux-date").strip());
            } else {
                String value = request.getHeader(name);
                lines.add(name + ": " + (value == null ? "" : value.strip()));
            }
        }
        return String.join("\n", lines);
    }

    static byte[] sign(String text, String secret, String algorithm) {
        String jca = switch (algorithm) {
            case "hmac-sha256" -> "HmacSHA256";
            case "hmac-sha384" -> "HmacSHA384";
            case "hmac-sha512" -> "HmacSHA512";
            default -> "HmacSHA1";
        };
        try {
            Mac mac = Mac.getInstance(jca);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jca));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(jca + " is not available", e);
        }
    }

    private boolean withinClockSkew(HttpServerRequest request, Clock clock) {
        if (allowedClockSkewMillis <= 0) {
            return true;
        }
        String date = request.getHeader("x-aux-date") != null ? request.getHeader("x-aux-date") : request.getHeader("Date");
        if (date == null) {
            return false;
        }
        try {
            long sent = ZonedDateTime.parse(date.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return Math.abs(clock.millis() - sent) <= allowedClockSkewMillis;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
