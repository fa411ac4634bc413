package io.sluice.bloblang.lib;

import io.sluice.bloblang.value.EvalError;

/** ZeroMQ's Z85 (RFC 32): four bytes to five printable characters; input must be aligned. */
final class Z85 {
    private static final String ALPHABET =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
    private static final int[] DIGITS = new int[128];

    static {
        java.util.Arrays.fill(DIGITS, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DIGITS[ALPHABET.charAt(i)] = i;
        }
    }

    private Z85() {
    }

    static String encode(byte[] b) {
        if (b.length % 4 != 0) {
            throw new EvalError("z85: wrongly aligned input data");
        }
        StringBuilder out = new StringBuilder(b.length / 4 * 5);
        char[] group = new char[5];
        for (int i = 0; i < b.length; i += 4) {
            long v = ((b[i] & 0xffL) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            for (int j = 4; j >= 0; j--) {
                group[j] = ALPHABET.charAt((int) (v % 85));
                v /= 85;
            }
            out.append(group);
        }
        return out.toString();
    }

    static byte[] decode(String s) {
        if (s.length() % 5 != 0) {
            throw new EvalError("z85: wrongly aligned input data");
        }
        byte[] out = new byte[s.length() / 5 * 4];
        for (int i = 0, o = 0; i < s.length(); i += 5, o += 4) {
            long v = 0;
            for (int j = 0; j < 5; j++) {
                char c = s.charAt(i + j);
                int d = c < 128 ? DIGITS[c] : -1;
                if (d < 0) {
                    throw new EvalError(String.format("z85: invalid input byte: U+%04X '%c'", (int) c, c));
                }
                v = v * 85 + d;
            }
            if (v > 0xffffffffL) {
                throw new EvalError("z85: wrongly aligned input data");
            }
            out[o] = (byte) (v >>> 24);
            out[o + 1] = (byte) (v >>> 16);
            out[o + 2] = (byte) (v >>> 8);
            out[o + 3] = (byte) v;
        }
        return out;
    }
}
