package io.sluice.routes.front;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A request path brought to one canonical form, once, before anything decides on it: API matching, access rights
 * and stream matching all see {@link #canonical()}, and the upstream is sent the same path re-encoded
 * ({@link #encode}). So no spelling of a path can be read one way by the gateway and another way by the upstream.
 *
 * <p>Steps, on the raw path: {@code ;parameters} are removed from every segment (Java servlet containers ignore
 * them, so {@code /admin;x/users} must be {@code /admin/users} here too); percent escapes are decoded, including
 * {@code %2F} and {@code %2E} (as Go's {@code URL.Path}, which Tyk matches on, decodes them), and the bytes must be
 * UTF-8; then dot segments are resolved (RFC 3986 §5.2.4, never above the root) and empty segments dropped. Case is
 * kept: Tyk matches listen paths case-sensitively. Malformed escapes, bad UTF-8, control characters and
 * backslashes (which some servers read as {@code /}) are refused with 400, over-long paths with 414.
 */
public record RequestPath(String canonical) {

    /** Longer paths are refused; Vert.x's own request-line limit (4096) applies before this. */
    public static final int MAX_LENGTH = 2048;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Canonicalises {@code raw} (the request line's path, without query), or throws a 400/414 GatewayException. */
    public static RequestPath of(String raw) {
        if (raw == null || raw.isEmpty()) {
            raw = "/";
        }
        if (raw.length() > MAX_LENGTH) {
            throw new GatewayException(414, "Request path longer than " + MAX_LENGTH + " characters");
        }
        String decoded = decode(withoutParameters(raw));
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                throw malformed("a control character or backslash");
            }
        }
        String canonical = resolveSegments(decoded);
        return new RequestPath(canonical);
    }

    /** Drops {@code ;...} up to the next {@code /} of every segment (only literal semicolons, not {@code %3B}). */
    private static String withoutParameters(String raw) {
        if (raw.indexOf(';') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean inParameter = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '/') {
                inParameter = false;
            } else if (c == ';') {
                inParameter = true;
            }
            if (!inParameter) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw malformed("a truncated percent escape");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw malformed("an invalid percent escape");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw malformed("percent escapes that are not UTF-8");
        }
    }

    private static String resolveSegments(String path) {
        Deque<String> kept = new ArrayDeque<>();
        boolean endsInDirectory = false; // "/a/", "/a/." and "/a/b/.." all name the directory "/a/"
        for (String segment : path.split("/")) {
            switch (segment) {
                case "", "." -> endsInDirectory = true;
                case ".." -> {
                    kept.pollLast();
                    endsInDirectory = true;
                }
                default -> {
                    kept.addLast(segment);
                    endsInDirectory = false;
                }
            }
        }
        endsInDirectory |= path.endsWith("/"); // split() drops the trailing empty segment
        if (kept.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(path.length());
        for (String segment : kept) {
            out.append('/').append(segment);
        }
        return endsInDirectory ? out.append('/').toString() : out.toString();
    }

    /**
     * A canonical path (or part of one) as it goes on the wire: percent-encodes all but RFC 3986 pchar and
     * {@code /}, and {@code ;} too, so a semicolon that came from %3B stays data.
     */
    public static String encode(String canonical) {
        StringBuilder out = null;
        byte[] utf8 = canonical.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xff;
            if (plain(b)) {
                if (out != null) {
                    out.append((char) b);
                }
            } else {
                if (out == null) {
                    out = new StringBuilder(utf8.length + 16).append(new String(utf8, 0, i, StandardCharsets.US_ASCII));
                }
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
            }
        }
        return out == null ? canonical : out.toString();
    }

    private static boolean plain(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || "/-._~!$&'()*+,=:@".indexOf(b) >= 0;
    }

    private static GatewayException malformed(String what) {
        return new GatewayException(400, "Malformed request path: " + what);
    }
}
