package io.sluice.bloblang.lib;

/** XML character references and the five predefined entities; unknown entities stay as written. */
final class XmlEntities {
    private XmlEntities() {
    }

    static String decode(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (amp >= 0) {
            b.append(s, i, amp);
            int semi = s.indexOf(';', amp);
            String replacement = semi < 0 ? null : entity(s.substring(amp + 1, semi));
            if (replacement == null) {
                b.append('&');
                i = amp + 1;
            } else {
                b.append(replacement);
                i = semi + 1;
            }
            amp = s.indexOf('&', i);
        }
        return b.append(s, i, s.length()).toString();
    }

    private static String entity(String name) {
        switch (name) {
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            case "apos":
                return "'";
            case "quot":
                return "\"";
            default:
                break;
        }
        try {
            if (name.startsWith("#x")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            }
            if (name.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** Escapes text and attribute values. */
    static String encode(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;" : null;
            if (r != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
