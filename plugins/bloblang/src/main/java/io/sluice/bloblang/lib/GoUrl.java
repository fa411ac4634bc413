package io.sluice.bloblang.lib;

import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * URL parsing with the rules of Go's net/url, which Bento's {@code parse_url} and
 * {@code parse_form_url_encoded} expose field by field (java.net.URI splits and escapes
 * differently, and its errors would not match).
 */
final class GoUrl {
    /** Which part of a URL a string belongs to: each escapes a different set of characters. */
    enum Part { PATH, HOST, USER_PASSWORD, QUERY_COMPONENT, FRAGMENT }

    private GoUrl() {
    }

    /** url.Parse, as the object {@code parse_url} returns. */
    static Map<String, Object> parse(String raw) {
        int hash = raw.indexOf('#');
        String u = hash < 0 ? raw : raw.substring(0, hash);
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            parseWithoutFragment(u, out);
            String fragment = "";
            String rawFragment = "";
            if (hash >= 0) {
                String f = raw.substring(hash + 1);
                fragment = unescape(f, Part.FRAGMENT);
                rawFragment = escape(fragment, Part.FRAGMENT).equals(f) ? "" : f;
            }
            out.put("fragment", fragment);
            out.put("raw_fragment", rawFragment);
        } catch (EvalError e) {
            throw new EvalError("parse " + quote(u) + ": " + e.getMessage());
        }
        return out;
    }

    private static void parseWithoutFragment(String raw, Map<String, Object> out) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new EvalError("net/url: invalid control character in URL");
            }
        }
        String scheme = "";
        String rest = raw;
        int colon = schemeEnd(raw);
        if (colon > 0) {
            scheme = raw.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
            rest = raw.substring(colon + 1);
        }
        String rawQuery = "";
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                rawQuery = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        out.put("scheme", scheme);
        out.put("opaque", "");
        out.put("host", "");
        out.put("path", "");
        out.put("raw_path", "");
        out.put("raw_query", rawQuery);
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                out.put("opaque", rest);
                return;
            }
            int slash = rest.indexOf('/');
            String segment = slash < 0 ? rest : rest.substring(0, slash);
            if (segment.indexOf(':') >= 0) {
                throw new EvalError("first path segment in URL cannot contain colon");
            }
        }
        if (rest.startsWith("//") && (!scheme.isEmpty() || !rest.startsWith("///"))) {
            int end = rest.indexOf('/', 2);
            String authority = end < 0 ? rest.substring(2) : rest.substring(2, end);
            rest = end < 0 ? "" : rest.substring(end);
            authority(authority, out);
        }
        String path = unescape(rest, Part.PATH);
        out.put("path", path);
        out.put("raw_path", escape(path, Part.PATH).equals(rest) ? "" : rest);
    }

    /** The index of the colon ending a scheme, or -1 when the URL has none. */
    private static int schemeEnd(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isLetter(c) && c < 0x80) {
                continue;
            }
            if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    return -1;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new EvalError("missing protocol scheme");
                }
                return i;
            }
            return -1;
        }
        return -1;
    }

    private static void authority(String authority, Map<String, Object> out) {
        int at = authority.lastIndexOf('@');
        String host = at < 0 ? authority : authority.substring(at + 1);
        out.put("host", host(host));
        if (at < 0) {
            return;
        }
        String userinfo = authority.substring(0, at);
        for (char c : userinfo.toCharArray()) {
            boolean ok = Character.isLetterOrDigit(c) || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0;
            if (!ok) {
                throw new EvalError("net/url: invalid userinfo");
            }
        }
        Map<String, Object> user = new LinkedHashMap<>();
        int colon = userinfo.indexOf(':');
        user.put("name", unescape(colon < 0 ? userinfo : userinfo.substring(0, colon), Part.USER_PASSWORD));
        if (colon >= 0) {
            user.put("password", unescape(userinfo.substring(colon + 1), Part.USER_PASSWORD));
        }
        out.put("user", user);
    }

    private static String host(String host) {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new EvalError("missing ']' in host");
            }
            validPort(host.substring(close + 1), host);
            return unescape(host, Part.HOST);
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            validPort(host.substring(colon), host);
        }
        return unescape(host, Part.HOST);
    }

    private static void validPort(String colonPort, String host) {
        if (colonPort.isEmpty()) {
            return;
        }
        if (colonPort.charAt(0) != ':') {
            throw new EvalError("invalid port " + quote(colonPort) + " after host");
        }
        for (int i = 1; i < colonPort.length(); i++) {
            if (!Character.isDigit(colonPort.charAt(i))) {
                throw new EvalError("invalid port " + quote(colonPort) + " after host");
            }
        }
    }

    /** url.ParseQuery: repeated keys collect their values in order. */
    static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        EvalError first = null;
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (pair.indexOf(';') >= 0) {
                first = first != null ? first : new EvalError("invalid semicolon separator in query");
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = unescape(eq < 0 ? pair : pair.substring(0, eq), Part.QUERY_COMPONENT);
                String value = eq < 0 ? "" : unescape(pair.substring(eq + 1), Part.QUERY_COMPONENT);
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } catch (EvalError e) {
                first = first != null ? first : e;
            }
        }
        if (first != null) {
            throw first;
        }
        return out;
    }

    static String unescape(String s, Part part) {
        if (s.indexOf('%') < 0 && (part != Part.QUERY_COMPONENT || s.indexOf('+') < 0)) {
            return s;
        }
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '%') {
                if (i + 2 >= in.length || hex(in[i + 1]) < 0 || hex(in[i + 2]) < 0) {
                    String bad = new String(in, i, Math.min(3, in.length - i), StandardCharsets.UTF_8);
                    throw new EvalError("invalid URL escape " + quote(bad));
                }
                out.write(hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
            } else if (b == '+' && part == Part.QUERY_COMPONENT) {
                out.write(' ');
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }

    static String escape(String s, Part part) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (!shouldEscape(c, part)) {
                b.append((char) c);
            } else if (c == ' ' && part == Part.QUERY_COMPONENT) {
                b.append('+');
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }

    private static boolean shouldEscape(int c, Part part) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return false;
        }
        if (part == Part.HOST && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        if ("-_.~".indexOf(c) >= 0) {
            return false;
        }
        if ("$&+,/:;=?@".indexOf(c) >= 0) {
            switch (part) {
                case PATH:
                    return c == '?';
                case USER_PASSWORD:
                    return c == '@' || c == '/' || c == '?' || c == ':';
                case FRAGMENT:
                    return false;
                default:
                    return true;
            }
        }
        return !(part == Part.FRAGMENT && "!()*".indexOf(c) >= 0);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder();
        GoJson.quote(b, s, false);
        return b.toString();
    }
}
