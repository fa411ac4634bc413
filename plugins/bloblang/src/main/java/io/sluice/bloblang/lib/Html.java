package io.sluice.bloblang.lib;

import java.util.List;
import java.util.Map;

/** HTML entity unescaping and tag stripping. */
final class Html {
    private static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"),
            Map.entry("copy", "\u00a9"), Map.entry("reg", "\u00ae"), Map.entry("euro", "\u20ac"));

    private Html() {
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '&') {
                int semi = s.indexOf(';', i);
                if (semi > i + 1 && semi - i < 12) {
                    String ent = s.substring(i + 1, semi);
                    String rep = null;
                    if (ent.startsWith("#x") || ent.startsWith("#X")) {
                        try {
                            rep = new String(Character.toChars(Integer.parseInt(ent.substring(2), 16)));
                        } catch (IllegalArgumentException e) {
                            rep = null;
                        }
                    } else if (ent.startsWith("#")) {
                        try {
                            rep = new String(Character.toChars(Integer.parseInt(ent.substring(1))));
                        } catch (IllegalArgumentException e) {
                            rep = null;
                        }
                    } else {
                        rep = ENTITIES.get(ent);
                    }
                    if (rep != null) {
                        b.append(rep);
                        i = semi + 1;
                        continue;
                    }
                }
            }
            b.append(c);
            i++;
        }
        return b.toString();
    }

    static String strip(String s, List<Object> preserve) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '<') {
                int end = s.indexOf('>', i);
                if (end > 0) {
                    String tag = s.substring(i + 1, end);
                    String name = tag.replaceFirst("^/", "").split("[\\s/]", 2)[0].toLowerCase();
                    if (preserve.contains(name)) {
                        b.append(s, i, end + 1);
                    }
                    i = end + 1;
                    continue;
                }
            }
            b.append(c);
            i++;
        }
        return b.toString();
    }
}
