package io.sluice.bloblang.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON exactly as Go's encoding/json does it for Bento: decoding keeps non-integer number text
 * (UseNumber), encoding sorts object keys, formats floats like Go and optionally escapes HTML.
 */
public final class GoJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10_000).build())
            .build();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJson() {
    }

    public static Object parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    public static Object parse(byte[] bytes) {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new EvalError("unexpected end of JSON input");
            }
            Object v = read(p, t);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "trailing content");
            }
            return v;
        } catch (JsonParseException e) {
            String go = GoJsonSyntax.firstError(bytes);
            throw new EvalError(go != null ? go : describe(e));
        } catch (IOException e) {
            throw new EvalError(e.getMessage());
        }
    }

    private static String describe(JsonParseException e) {
        String m = e.getOriginalMessage();
        if (m != null && m.contains("end-of-input")) {
            return "unexpected end of JSON input";
        }
        int q = m == null ? -1 : m.indexOf('\'');
        if (m != null && m.startsWith("Unrecognized token") && q >= 0) {
            int q2 = m.indexOf('\'', q + 1);
            String tok = q2 > q ? m.substring(q + 1, q2) : "";
            return "invalid character '" + (tok.isEmpty() ? "?" : tok.substring(0, 1)) + "' looking for beginning of value";
        }
        if (m != null && m.startsWith("Unexpected character ('")) {
            return "invalid character '" + m.charAt(23) + "' looking for beginning of value";
        }
        return m == null ? "invalid JSON" : m;
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                JsonToken n;
                while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    m.put(k, read(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(read(p, n));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT: {
                if (p.getNumberType() == JsonParser.NumberType.LONG || p.getNumberType() == JsonParser.NumberType.INT) {
                    return p.getLongValue();
                }
                return new JsonNum(p.getText());
            }
            case VALUE_NUMBER_FLOAT:
                return new JsonNum(p.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new EvalError("unexpected JSON token " + t);
        }
    }

    /** Encodes a value as compact JSON with sorted keys. */
    public static String write(Object v, boolean escapeHtml) {
        StringBuilder b = new StringBuilder();
        write(b, v, escapeHtml, null, "", 0);
        return b.toString();
    }

    /** Encodes a value as indented JSON (Go's MarshalIndent with an empty prefix). */
    public static String writeIndented(Object v, boolean escapeHtml, String indent) {
        StringBuilder b = new StringBuilder();
        write(b, v, escapeHtml, indent, "", 0);
        return b.toString();
    }

    public static byte[] writeBytes(Object v) {
        // sized for a typical message, so the builder rarely grows
        StringBuilder b = new StringBuilder(1024);
        write(b, v, false, null, "", 0);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void newline(StringBuilder b, String indent, int depth) {
        b.append('\n');
        for (int i = 0; i < depth; i++) {
            b.append(indent);
        }
    }

    private static void write(StringBuilder b, Object v, boolean html, String indent, String prefix, int depth) {
        if (v == null || v instanceof Special) {
            b.append("null");
        } else if (v instanceof String) {
            quote(b, (String) v, html);
        } else if (v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Long || v instanceof Integer) {
            b.append(v);
        } else if (v instanceof JsonNum) {
            b.append(((JsonNum) v).text());
        } else if (v instanceof Float) {
            b.append(GoFloat.formatJson32((Float) v));
        } else if (v instanceof Number) {
            b.append(GoFloat.formatJson(((Number) v).doubleValue()));
        } else if (v instanceof byte[]) {
            b.append('"').append(Base64.getEncoder().encodeToString((byte[]) v)).append('"');
        } else if (v instanceof ZonedDateTime) {
            quote(b, GoTime.formatRfc3339Nano((ZonedDateTime) v), html);
        } else if (v instanceof Map) {
            Map<String, Object> m = Values.asObject(v);
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            String[] keys = m.keySet().toArray(new String[0]);
            Arrays.sort(keys, GoJson::compareUtf8);
            b.append('{');
            for (int i = 0; i < keys.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                if (indent != null) {
                    newline(b, indent, depth + 1);
                }
                quote(b, keys[i], html);
                b.append(':');
                if (indent != null) {
                    b.append(' ');
                }
                write(b, m.get(keys[i]), html, indent, prefix, depth + 1);
            }
            if (indent != null) {
                newline(b, indent, depth);
            }
            b.append('}');
        } else if (v instanceof List) {
            List<Object> l = Values.asArray(v);
            if (l.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                if (indent != null) {
                    newline(b, indent, depth + 1);
                }
                write(b, l.get(i), html, indent, prefix, depth + 1);
            }
            if (indent != null) {
                newline(b, indent, depth);
            }
            b.append(']');
        } else {
            quote(b, v.toString(), html);
        }
    }

    /** Go sorts map keys by their UTF-8 bytes; for UTF-16 that differs only around surrogates. */
    static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean xs = Character.isSurrogate(x);
                boolean ys = Character.isSurrogate(y);
                if (xs != ys) {
                    return xs ? (y >= 0xE000 ? -1 : 1) : (x >= 0xE000 ? 1 : -1);
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    public static void quote(StringBuilder b, String s, boolean html) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029'
                            || (html && (c == '<' || c == '>' || c == '&'))) {
                        b.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                            b.append(c).append(s.charAt(++i));
                        } else {
                            b.append('\ufffd');
                        }
                    } else {
                        b.append(c);
                    }
            }
        }
        b.append('"');
    }
}
