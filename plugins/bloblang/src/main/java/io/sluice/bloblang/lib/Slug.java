package io.sluice.bloblang.lib;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * URL slugs the way Bento's {@code slug(lang)} makes them (the gosimple/slug rules): quotes are
 * dropped, dashes unified, {@code &} and {@code @} spelled out in the language, accents removed,
 * then everything but letters, digits, {@code -} and {@code _} becomes a single dash.
 */
final class Slug {
    private static final Map<String, Map<Integer, String>> BY_LANGUAGE = new HashMap<>();

    static {
        language("en eng", "& and @ at");
        language("cs ces", "& a @ zavinac");
        language("de deu", "& und @ an ä ae Ä Ae ö oe Ö Oe ü ue Ü Ue");
        language("es spa", "& y @ en");
        language("fi fin", "& ja @ at");
        language("fr fra", "& et @ arobase");
        language("gr el ell", "& kai");
        language("id idn ind", "& dan");
        language("it ita", "& e @ chiocciola");
        language("kz kk kaz", "& jane");
        language("nb nob nn nno", "& og @ at æ ae ø oe å aa Æ Ae Ø Oe Å Aa");
        language("nl nld", "& en @ at");
        language("pl pol", "& i @ na");
        language("pt prt pt-br br bra por", "& e @ em");
        language("ro rou", "& si");
        language("sl slv", "& in Đ DZ đ dz");
        language("sv swe", "& och @ snabel_a");
        language("tr tur", "& ve @ et");
        language("bg bgr hu hun", "");
    }

    private Slug() {
    }

    /** Registers substitutions, given as "char replacement" pairs ("_" stands for a space). */
    private static void language(String codes, String pairs) {
        Map<Integer, String> subs = new HashMap<>();
        // every language drops quotes and unifies dashes
        subs.put((int) '"', "");
        subs.put((int) '\'', "");
        subs.put((int) '\u2019', "");
        for (int dash : new int[] {'\u2012', '\u2013', '\u2014', '\u2015'}) {
            subs.put(dash, "-");
        }
        String[] p = pairs.isEmpty() ? new String[0] : pairs.split(" ");
        for (int i = 0; i + 1 < p.length; i += 2) {
            subs.put(p[i].codePointAt(0), p[i + 1].replace('_', ' '));
        }
        for (String code : codes.split(" ")) {
            BY_LANGUAGE.put(code, subs);
        }
    }

    static String make(String text, String lang) {
        Map<Integer, String> subs = BY_LANGUAGE.getOrDefault(lang.toLowerCase(Locale.ROOT), BY_LANGUAGE.get("en"));
        StringBuilder b = new StringBuilder();
        text.strip().codePoints().forEach(cp -> {
            String r = subs.get(cp);
            if (r != null) {
                b.append(r);
            } else {
                b.appendCodePoint(cp);
            }
        });
        String ascii = transliterate(b.toString()).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            boolean kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (kept) {
                out.append(c);
            } else if (out.length() == 0 || out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        int start = 0;
        int end = out.length();
        while (start < end && (out.charAt(start) == '-' || out.charAt(start) == '_')) {
            start++;
        }
        while (end > start && (out.charAt(end - 1) == '-' || out.charAt(end - 1) == '_')) {
            end--;
        }
        return out.substring(start, end);
    }

    /** Accents stripped, and the Latin letters that do not decompose spelled in ASCII. */
    private static String transliterate(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            switch (c) {
                case 'ß':
                    b.append("ss");
                    break;
                case 'æ':
                    b.append("ae");
                    break;
                case 'Æ':
                    b.append("AE");
                    break;
                case 'œ':
                    b.append("oe");
                    break;
                case 'Œ':
                    b.append("OE");
                    break;
                case 'ø':
                    b.append('o');
                    break;
                case 'Ø':
                    b.append('O');
                    break;
                case 'đ':
                    b.append('d');
                    break;
                case 'Đ':
                    b.append('D');
                    break;
                case 'ł':
                    b.append('l');
                    break;
                case 'Ł':
                    b.append('L');
                    break;
                case 'þ':
                    b.append("th");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }
}
