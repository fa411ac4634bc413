package io.sluice.runtime.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The Gateway API's guard: {@code x-tyk-authorization} must equal the configured {@code secret}. */
final class AdminAuthorization {

    static final String HEADER = "x-tyk-authorization";
    static final String REFUSED = "Attempted administrative access with invalid or missing key!";

    private final byte[] secret;

    AdminAuthorization(String secret) {
        this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time, so response timing tells nothing about the secret; with no secret configured, nobody passes. */
    boolean allows(String presented) {
        return secret.length > 0 && presented != null
                && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }
}
