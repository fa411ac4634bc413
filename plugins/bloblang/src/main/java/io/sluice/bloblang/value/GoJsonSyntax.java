package io.sluice.bloblang.value;

/**
 * Finds the first syntax error of a JSON document and words it as Go's encoding/json scanner
 * does ({@code invalid character 'o' in literal null (expecting 'u')}). Only used once a document
 * has failed to parse, so it favours clarity over speed.
 */
final class GoJsonSyntax {
    private final byte[] in;
    private int pos;

    /** Thrown at the first error; carries Go's message. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop(String message) {
            super(message, null, false, false);
        }
    }

    private GoJsonSyntax(byte[] in) {
        this.in = in;
    }

    /** Go's message for the first error, or null when the document is valid. */
    static String firstError(byte[] json) {
        GoJsonSyntax s = new GoJsonSyntax(json);
        try {
            s.space();
            s.value();
            s.space();
            if (s.pos < s.in.length) {
                throw s.invalid("after top-level value");
            }
            return null;
        } catch (Stop e) {
            return e.getMessage();
        }
    }

    private int peek() {
        if (pos >= in.length) {
            throw new Stop("unexpected end of JSON input");
        }
        return in[pos] & 0xff;
    }

    private void space() {
        while (pos < in.length && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
            pos++;
        }
    }

    private Stop invalid(String context) {
        return new Stop("invalid character " + quoteChar(in[pos] & 0xff) + " " + context);
    }

    private void value() {
        int c = peek();
        switch (c) {
            case '{':
                object();
                return;
            case '[':
                array();
                return;
            case '"':
                string();
                return;
            case 't':
                literal("true");
                return;
            case 'f':
                literal("false");
                return;
            case 'n':
                literal("null");
                return;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                    return;
                }
                throw invalid("looking for beginning of value");
        }
    }

    private void object() {
        pos++;
        space();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            if (peek() != '"') {
                throw invalid("looking for beginning of object key string");
            }
            string();
            space();
            if (peek() != ':') {
                throw invalid("after object key");
            }
            pos++;
            space();
            value();
            space();
            int c = peek();
            if (c == '}') {
                pos++;
                return;
            }
            if (c != ',') {
                throw invalid("after object key:value pair");
            }
            pos++;
            space();
        }
    }

    private void array() {
        pos++;
        space();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            value();
            space();
            int c = peek();
            if (c == ']') {
                pos++;
                return;
            }
            if (c != ',') {
                throw invalid("after array element");
            }
            pos++;
            space();
        }
    }

    private void string() {
        pos++;
        while (true) {
            int c = peek();
            if (c == '"') {
                pos++;
                return;
            }
            if (c < 0x20) {
                throw invalid("in string literal");
            }
            pos++;
            if (c != '\\') {
                continue;
            }
            c = peek();
            if ("\"\\/bfnrt".indexOf(c) >= 0) {
                pos++;
            } else if (c == 'u') {
                pos++;
                for (int i = 0; i < 4; i++) {
                    if (Character.digit(peek(), 16) < 0) {
                        throw invalid("in \\u hexadecimal character escape");
                    }
                    pos++;
                }
            } else {
                throw invalid("in string escape code");
            }
        }
    }

    private void number() {
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else {
            digits("in numeric literal");
        }
        if (pos < in.length && in[pos] == '.') {
            pos++;
            digits("after decimal point in numeric literal");
        }
        if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits("in exponent of numeric literal");
        }
    }

    /** At least one digit. */
    private void digits(String where) {
        int c = peek();
        if (c < '0' || c > '9') {
            throw invalid(where);
        }
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (peek() != word.charAt(i)) {
                throw invalid("in literal " + word + " (expecting " + quoteChar(word.charAt(i)) + ")");
            }
            pos++;
        }
    }

    /** Go's quoteChar: the byte as a single-quoted character, escaped where unprintable. */
    private static String quoteChar(int c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        switch (c) {
            case '\n':
                return "'\\n'";
            case '\t':
                return "'\\t'";
            case '\r':
                return "'\\r'";
            case '\b':
                return "'\\b'";
            case '\f':
                return "'\\f'";
            default:
                break;
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format("'\\x%02x'", c);
        }
        if (c >= 0x80 && c < 0xa0) {
            return String.format("'\\u%04x'", c);
        }
        return "'" + (char) c + "'";
    }
}
