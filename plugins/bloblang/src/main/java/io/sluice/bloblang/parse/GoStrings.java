package io.sluice.bloblang.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Go's strconv.Unquote for the body of a double-quoted string literal. */
final class GoStrings {
    private GoStrings() {
    }

    static String unquote(String body) {
        if (body.indexOf('\\') < 0) {
            if (body.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("newline in string");
            }
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\n') {
                throw new IllegalArgumentException("newline in string");
            }
            if (c != '\\') {
                int cp = body.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i += Character.charCount(cp);
                continue;
            }
            if (i + 1 >= body.length()) {
                throw new IllegalArgumentException("trailing backslash");
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a':
                    out.write(7);
                    break;
                case 'b':
                    out.write(8);
                    break;
                case 'f':
                    out.write(12);
                    break;
                case 'n':
                    out.write('\n');
                    break;
                case 'r':
                    out.write('\r');
                    break;
                case 't':
                    out.write('\t');
                    break;
                case 'v':
                    out.write(11);
                    break;
                case '\\':
                    out.write('\\');
                    break;
                case '"':
                    out.write('"');
                    break;
                case 'x': {
                    out.write(Integer.parseInt(body.substring(i, i + 2), 16));
                    i += 2;
                    break;
                }
                case 'u':
                case 'U': {
                    int len = e == 'u' ? 4 : 8;
                    int cp = Integer.parseInt(body.substring(i, i + len), 16);
                    byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                    out.write(b, 0, b.length);
                    i += len;
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int v = Integer.parseInt(body.substring(i - 1, i + 2), 8);
                        if (v > 255) {
                            throw new IllegalArgumentException("octal out of range");
                        }
                        out.write(v);
                        i += 2;
                        break;
                    }
                    throw new IllegalArgumentException("bad escape");
            }
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
}
