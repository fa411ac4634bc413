package io.sluice.bloblang.lib;

import static io.sluice.bloblang.lib.Param.def;
import static io.sluice.bloblang.lib.Param.opt;
import static io.sluice.bloblang.lib.Param.req;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.sluice.bloblang.lib.Param.Type;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoJson;
import io.sluice.bloblang.value.TypeError;
import io.sluice.bloblang.value.Values;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** String methods; lengths and offsets count UTF-8 bytes, as Go does. */
final class StringMethods {
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private StringMethods() {
    }

    static Pattern regex(String p) {
        Pattern c = PATTERNS.get(p);
        if (c == null) {
            try {
                c = Pattern.compile(p);
            } catch (com.google.re2j.PatternSyntaxException e) {
                throw new EvalError("error parsing regexp: " + e.getDescription() + ": `" + e.getPattern() + "`");
            }
            if (PATTERNS.size() < 1000) {
                PATTERNS.put(p, c);
            }
        }
        return c;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Applies a string function keeping the input's kind (bytes in, bytes out). */
    private static Object keepKind(Object v, java.util.function.UnaryOperator<String> f) {
        if (v instanceof byte[]) {
            return utf8(f.apply(str((byte[]) v)));
        }
        if (v instanceof String) {
            return f.apply((String) v);
        }
        throw new TypeError(v, "string");
    }

    static void register() {
        Library.method("uppercase", Signature.of(), (v, a, c) -> keepKind(v, s -> s.toUpperCase(java.util.Locale.ROOT)));
        Library.method("lowercase", Signature.of(), (v, a, c) -> keepKind(v, s -> s.toLowerCase(java.util.Locale.ROOT)));
        Library.method("capitalize", Signature.of(), (v, a, c) -> keepKind(v, StringMethods::title));
        Library.method("trim", Signature.of(opt("cutset", Type.STRING)), (v, a, c) -> keepKind(v,
                s -> a[0] == Param.ABSENT ? trimSpace(s) : trimCutset(s, (String) a[0], true, true)));
        Library.method("trim_prefix", Signature.of(req("prefix", Type.STRING)), (v, a, c) -> keepKind(v,
                s -> s.startsWith((String) a[0]) ? s.substring(((String) a[0]).length()) : s));
        Library.method("trim_suffix", Signature.of(req("suffix", Type.STRING)), (v, a, c) -> keepKind(v,
                s -> s.endsWith((String) a[0]) ? s.substring(0, s.length() - ((String) a[0]).length()) : s));
        Library.method("has_prefix", Signature.of(req("value", Type.STRING)),
                (v, a, c) -> Values.getString(v).startsWith((String) a[0]));
        Library.method("has_suffix", Signature.of(req("value", Type.STRING)),
                (v, a, c) -> Values.getString(v).endsWith((String) a[0]));
        Library.method("index_of", Signature.of(req("value", Type.STRING)), (v, a, c) -> {
            byte[] h = Values.getBytes(v);
            return (long) indexOf(h, utf8((String) a[0]), 0);
        });
        Library.method("contains", Signature.of(req("value", Type.ANY)), (v, a, c) -> {
            if (v instanceof String) {
                return ((String) v).contains(Values.toStr(a[0]));
            }
            if (v instanceof byte[]) {
                return indexOf((byte[]) v, Values.toBytes(a[0]), 0) >= 0;
            }
            if (v instanceof List) {
                for (Object o : Values.asArray(v)) {
                    if (Values.compare(a[0], o)) {
                        return true;
                    }
                }
                return false;
            }
            if (v instanceof Map) {
                for (Object o : Values.asObject(v).values()) {
                    if (Values.compare(a[0], o)) {
                        return true;
                    }
                }
                return false;
            }
            throw new TypeError(v, "string", "array", "object");
        });
        Library.method("length", Signature.of(), (v, a, c) -> {
            if (v instanceof String) {
                return (long) utf8((String) v).length;
            }
            if (v instanceof byte[]) {
                return (long) ((byte[]) v).length;
            }
            if (v instanceof List) {
                return (long) ((List<?>) v).size();
            }
            if (v instanceof Map) {
                return (long) ((Map<?, ?>) v).size();
            }
            throw new TypeError(v, "string", "array", "object");
        });
        Library.method("replace_all", Signature.of(req("old", Type.STRING), req("new", Type.STRING)),
                (v, a, c) -> keepKind(v, s -> replaceAll(s, (String) a[0], (String) a[1])));
        Library.method("replace", Signature.of(req("old", Type.STRING), req("new", Type.STRING)),
                (v, a, c) -> keepKind(v, s -> replaceAll(s, (String) a[0], (String) a[1])));
        Library.method("replace_all_many", Signature.of(req("values", Type.ARRAY)), StringMethods::replaceMany);
        Library.method("replace_many", Signature.of(req("values", Type.ARRAY)), StringMethods::replaceMany);
        Library.method("repeat", Signature.of(req("count", Type.INT)), (v, a, c) -> {
            long n = (Long) a[0];
            if (n < 0) {
                throw new EvalError("invalid count, must be greater than or equal to zero");
            }
            return keepKind(v, s -> s.repeat((int) n));
        });
        Library.method("split", Signature.of(req("delimiter", Type.ANY)), StringMethods::split);
        Library.method("join", Signature.of(opt("delimiter", Type.STRING)), (v, a, c) -> {
            if (!(v instanceof List)) {
                throw new TypeError(v, "array");
            }
            String d = a[0] == Param.ABSENT ? "" : (String) a[0];
            StringBuilder b = new StringBuilder();
            List<Object> l = Values.asArray(v);
            for (int i = 0; i < l.size(); i++) {
                Object o = l.get(i);
                if (!(o instanceof String) && !(o instanceof byte[])) {
                    throw new EvalError("failed to join element " + i + ": " + new TypeError(o, "string").getMessage());
                }
                if (i > 0) {
                    b.append(d);
                }
                b.append(Values.getString(o));
            }
            return b.toString();
        });
        Library.method("format", Signature.variadic(), (v, a, c) -> GoSprintf.sprintf(Values.getString(v), a));
        Library.method("quote", Signature.of(), (v, a, c) -> GoSprintf.quote(Values.getString(v)));
        Library.method("unquote", Signature.of(), (v, a, c) -> GoSprintf.unquote(Values.getString(v)));
        Library.method("slice", Signature.of(req("low", Type.INT), opt("high", Type.INT)), StringMethods::slice);
        Library.method("reverse", Signature.of(), (v, a, c) -> {
            if (v instanceof List) {
                List<Object> l = new ArrayList<>(Values.asArray(v));
                java.util.Collections.reverse(l);
                return l;
            }
            if (v instanceof byte[]) {
                byte[] b = ((byte[]) v).clone();
                for (int i = 0; i < b.length / 2; i++) {
                    byte t = b[i];
                    b[i] = b[b.length - 1 - i];
                    b[b.length - 1 - i] = t;
                }
                return b;
            }
            if (v instanceof String) {
                int[] cps = ((String) v).codePoints().toArray();
                StringBuilder b = new StringBuilder();
                for (int i = cps.length - 1; i >= 0; i--) {
                    b.appendCodePoint(cps[i]);
                }
                return b.toString();
            }
            throw new TypeError(v, "string", "array");
        });
        Library.method("escape_html", Signature.of(), (v, a, c) -> escapeHtml(Values.getString(v)));
        Library.method("unescape_html", Signature.of(), (v, a, c) -> Html.unescape(Values.getString(v)));
        Library.method("escape_url_query", Signature.of(), (v, a, c) -> queryEscape(Values.getString(v)));
        Library.method("unescape_url_query", Signature.of(), (v, a, c) -> {
            try {
                return URLDecoder.decode(Values.getString(v), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new EvalError("invalid URL escape");
            }
        });
        Library.method("strip_html", Signature.of(opt("preserve", Type.ARRAY)), (v, a, c) ->
                keepKind(v, s -> Html.strip(s, a[0] == Param.ABSENT ? List.of() : Values.asArray(a[0]))));
        Library.method("re_match", Signature.of(req("pattern", Type.STRING)),
                (v, a, c) -> regex((String) a[0]).matcher(Values.getString(v)).find());
        Library.method("re_find_all", Signature.of(req("pattern", Type.STRING)), (v, a, c) -> {
            Matcher m = regex((String) a[0]).matcher(Values.getString(v));
            List<Object> out = new ArrayList<>();
            while (m.find()) {
                out.add(m.group());
            }
            return out;
        });
        Library.method("re_find_all_submatch", Signature.of(req("pattern", Type.STRING)), (v, a, c) -> {
            Matcher m = regex((String) a[0]).matcher(Values.getString(v));
            List<Object> out = new ArrayList<>();
            while (m.find()) {
                List<Object> groups = new ArrayList<>();
                for (int i = 0; i <= m.groupCount(); i++) {
                    groups.add(m.group(i) == null ? "" : m.group(i));
                }
                out.add(groups);
            }
            return out;
        });
        Library.method("re_find_object", Signature.of(req("pattern", Type.STRING)), (v, a, c) -> {
            Pattern p = regex((String) a[0]);
            Matcher m = p.matcher(Values.getString(v));
            Map<String, Object> out = new LinkedHashMap<>();
            if (m.find()) {
                fillGroups(p, m, out);
            }
            return out;
        });
        Library.method("re_find_all_object", Signature.of(req("pattern", Type.STRING)), (v, a, c) -> {
            Pattern p = regex((String) a[0]);
            Matcher m = p.matcher(Values.getString(v));
            List<Object> out = new ArrayList<>();
            while (m.find()) {
                Map<String, Object> o = new LinkedHashMap<>();
                fillGroups(p, m, o);
                out.add(o);
            }
            return out;
        });
        Library.method("re_replace_all", Signature.of(req("pattern", Type.STRING), req("value", Type.STRING)),
                (v, a, c) -> keepKind(v, s -> reReplace(regex((String) a[0]), s, (String) a[1])));
        Library.method("re_replace", Signature.of(req("pattern", Type.STRING), req("value", Type.STRING)),
                (v, a, c) -> keepKind(v, s -> reReplace(regex((String) a[0]), s, (String) a[1])));
        Library.method("filepath_join", Signature.of(), (v, a, c) -> {
            List<String> parts = new ArrayList<>();
            for (Object o : Values.asArray(v)) {
                parts.add(Values.getString(o));
            }
            return cleanPath(String.join("/", parts.stream().filter(s -> !s.isEmpty()).toArray(String[]::new)));
        });
        Library.method("filepath_split", Signature.of(), (v, a, c) -> {
            String s = Values.getString(v);
            int i = s.lastIndexOf('/');
            return new ArrayList<>(List.of(s.substring(0, i + 1), s.substring(i + 1)));
        });
        Library.plugin("slug", Signature.of(def("lang", Type.STRING, "en")), false,
                (v, a, c) -> Slug.make(Values.getString(v), (String) a[0]));
    }

    private static void fillGroups(Pattern p, Matcher m, Map<String, Object> out) {
        Map<String, Integer> names = p.namedGroups();
        out.put("0", m.group());
        for (int i = 1; i <= m.groupCount(); i++) {
            String name = null;
            for (Map.Entry<String, Integer> e : names.entrySet()) {
                if (e.getValue() == i) {
                    name = e.getKey();
                }
            }
            if (name != null) {
                out.put(name, m.group(i) == null ? "" : m.group(i));
            }
        }
    }

    /** Go's regexp ReplaceAllString: $1, ${1}, $name expand; $$ is a dollar. */
    static String reReplace(Pattern p, String s, String repl) {
        Matcher m = p.matcher(s);
        StringBuilder b = new StringBuilder();
        int last = 0;
        while (m.find()) {
            b.append(s, last, m.start());
            expand(b, repl, m, p);
            last = m.end();
            if (m.end() == m.start()) {
                if (m.end() >= s.length()) {
                    break;
                }
            }
        }
        b.append(s.substring(last));
        return b.toString();
    }

    private static void expand(StringBuilder b, String repl, Matcher m, Pattern p) {
        int i = 0;
        while (i < repl.length()) {
            char ch = repl.charAt(i);
            if (ch != '$' || i + 1 >= repl.length()) {
                b.append(ch);
                i++;
                continue;
            }
            char nx = repl.charAt(i + 1);
            if (nx == '$') {
                b.append('$');
                i += 2;
                continue;
            }
            String name;
            int end;
            if (nx == '{') {
                int close = repl.indexOf('}', i + 2);
                if (close < 0) {
                    b.append(ch);
                    i++;
                    continue;
                }
                name = repl.substring(i + 2, close);
                end = close + 1;
            } else {
                int j = i + 1;
                while (j < repl.length() && (Character.isLetterOrDigit(repl.charAt(j)) || repl.charAt(j) == '_')) {
                    j++;
                }
                name = repl.substring(i + 1, j);
                end = j;
            }
            if (name.isEmpty()) {
                b.append(ch);
                i++;
                continue;
            }
            String g = null;
            if (name.chars().allMatch(Character::isDigit)) {
                int gi = Integer.parseInt(name);
                if (gi <= m.groupCount()) {
                    g = m.group(gi);
                }
            } else {
                Integer gi = p.namedGroups().get(name);
                if (gi != null) {
                    g = m.group(gi);
                }
            }
            if (g != null) {
                b.append(g);
            }
            i = end;
        }
    }

    private static Object replaceMany(Object v, Object[] a, io.sluice.bloblang.exec.Ctx c) {
        List<Object> l = Values.asArray(a[0]);
        if (l.size() % 2 != 0) {
            throw new EvalError("invalid arg, replacements should be in pairs and must therefore be even");
        }
        String[] olds = new String[l.size() / 2];
        String[] news = new String[l.size() / 2];
        for (int i = 0; i < l.size(); i += 2) {
            olds[i / 2] = Values.getString(l.get(i));
            news[i / 2] = Values.getString(l.get(i + 1));
        }
        return keepKind(v, s -> {
            StringBuilder b = new StringBuilder();
            int i = 0;
            outer:
            while (i < s.length()) {
                for (int k = 0; k < olds.length; k++) {
                    if (!olds[k].isEmpty() && s.startsWith(olds[k], i)) {
                        b.append(news[k]);
                        i += olds[k].length();
                        continue outer;
                    }
                }
                b.append(s.charAt(i));
                i++;
            }
            return b.toString();
        });
    }

    static String replaceAll(String s, String old, String neu) {
        if (old.isEmpty()) {
            StringBuilder b = new StringBuilder(neu);
            s.codePoints().forEach(cp -> b.appendCodePoint(cp).append(neu));
            return b.toString();
        }
        return s.replace(old, neu);
    }

    private static Object split(Object v, Object[] a, io.sluice.bloblang.exec.Ctx c) {
        Object delim = a[0];
        if (v instanceof String || v instanceof byte[]) {
            if (!(delim instanceof String)) {
                throw new EvalError("delimiter type: " + Values.goTypeName(delim) + " must match type of list elements: "
                        + Values.goTypeName(v));
            }
            String s = Values.getString(v);
            List<Object> out = new ArrayList<>();
            for (String part : goSplit(s, (String) delim)) {
                out.add(v instanceof byte[] ? utf8(part) : part);
            }
            return out;
        }
        if (v instanceof List) {
            List<Object> l = Values.asArray(v);
            List<Object> segments = new ArrayList<>();
            if (l.isEmpty()) {
                segments.add(new ArrayList<>());
                return segments;
            }
            List<Object> cur = null;
            for (Object e : l) {
                if (!Values.compare(delim, e)) {
                    if (cur == null) {
                        cur = new ArrayList<>();
                    }
                    cur.add(e);
                    continue;
                }
                segments.add(cur);
                cur = new ArrayList<>();
            }
            segments.add(cur);
            return segments;
        }
        throw new TypeError(v, "string", "array", "bytes");
    }

    /** Go's strings.Split: an empty separator splits into UTF-8 sequences. */
    static List<String> goSplit(String s, String sep) {
        List<String> out = new ArrayList<>();
        if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        int i = 0;
        while (true) {
            int j = s.indexOf(sep, i);
            if (j < 0) {
                out.add(s.substring(i));
                return out;
            }
            out.add(s.substring(i, j));
            i = j + sep.length();
        }
    }

    private static Object slice(Object v, Object[] a, io.sluice.bloblang.exec.Ctx c) {
        long low = (Long) a[0];
        Long high = a[1] == Param.ABSENT ? null : (Long) a[1];
        if (high != null && high > 0 && low >= high) {
            throw new EvalError("lower slice bound " + low + " must be lower than upper (" + high + ")");
        }
        long len;
        if (v instanceof String) {
            len = utf8((String) v).length;
        } else if (v instanceof byte[]) {
            len = ((byte[]) v).length;
        } else if (v instanceof List) {
            len = ((List<?>) v).size();
        } else {
            throw new TypeError(v, "array", "string");
        }
        long hi = len;
        if (high != null) {
            hi = high < 0 ? len + high : Math.min(high, len);
        }
        long lo = low < 0 ? len + low : low;
        if (lo < 0) {
            lo = 0;
        }
        if (lo > len) {
            lo = len;
        }
        if (hi < lo) {
            hi = lo;
        }
        if (v instanceof String) {
            return str(Arrays.copyOfRange(utf8((String) v), (int) lo, (int) hi));
        }
        if (v instanceof byte[]) {
            return Arrays.copyOfRange((byte[]) v, (int) lo, (int) hi);
        }
        return new ArrayList<>(Values.asArray(v).subList((int) lo, (int) hi));
    }

    static int indexOf(byte[] h, byte[] n, int from) {
        outer:
        for (int i = from; i <= h.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (h[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String title(String s) {
        StringBuilder b = new StringBuilder();
        boolean prevLetter = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean letter = Character.isLetterOrDigit(ch) || ch == '_' || ch == '\'';
            if (letter && !prevLetter) {
                b.append(Character.toTitleCase(ch));
            } else {
                b.append(ch);
            }
            prevLetter = letter;
        }
        return b.toString();
    }

    static String trimSpace(String s) {
        int a = 0;
        int e = s.length();
        while (a < e && isGoSpace(s.charAt(a))) {
            a++;
        }
        while (e > a && isGoSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(a, e);
    }

    private static boolean isGoSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x85 || c == 0xA0
                || Character.isSpaceChar(c);
    }

    static String trimCutset(String s, String cut, boolean left, boolean right) {
        int a = 0;
        int e = s.length();
        while (left && a < e && cut.indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        while (right && e > a && cut.indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        return s.substring(a, e);
    }

    static String escapeHtml(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '&':
                    b.append("&amp;");
                    break;
                case '\'':
                    b.append("&#39;");
                    break;
                case '"':
                    b.append("&#34;");
                    break;
                default:
                    b.append(ch);
            }
        }
        return b.toString();
    }

    /** Go's url.QueryEscape. */
    static String queryEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : utf8(s)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                b.append((char) c);
            } else if (c == ' ') {
                b.append('+');
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    static String cleanPath(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String seg : p.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add("..");
                }
                continue;
            }
            out.add(seg);
        }
        String r = (rooted ? "/" : "") + String.join("/", out);
        return r.isEmpty() ? "." : r;
    }

    static String jsonQuote(String s) {
        StringBuilder b = new StringBuilder();
        GoJson.quote(b, s, false);
        return b.toString();
    }
}
