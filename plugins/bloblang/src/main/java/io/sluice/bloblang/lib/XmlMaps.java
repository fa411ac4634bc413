package io.sluice.bloblang.lib;

import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoFloat;
import io.sluice.bloblang.value.JsonNum;
import io.sluice.bloblang.value.Values;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The XML/object mapping of Bento's {@code parse_xml} and {@code format_xml} (the clbanning/mxj
 * conventions): an element becomes a key; attributes become {@code -name} keys; text next to
 * attributes or children is {@code #text}; repeated elements become arrays; with {@code cast}
 * numbers and booleans are converted.
 */
final class XmlMaps {
    private static final String TEXT = "#text";
    private static final String ATTR = "-";
    private static final String ROOT_WHEN_AMBIGUOUS = "doc";
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> BOOLS = Set.of("t", "T", "TRUE", "true", "True", "f", "F", "FALSE", "false",
            "False");

    private XmlMaps() {
    }

    static Map<String, Object> parse(byte[] xml, boolean cast) {
        XmlReader r = new XmlReader(new String(xml, StandardCharsets.UTF_8));
        try {
            while (true) {
                XmlReader.Kind k = r.next();
                if (k == XmlReader.Kind.EOF) {
                    throw new EvalError("EOF");
                }
                if (k == XmlReader.Kind.START) {
                    String root = r.name;
                    Object value = element(r, cast);
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put(root, value);
                    return out;
                }
            }
        } catch (EvalError e) {
            String why = e.getMessage().equals("EOF") ? "EOF" : "xml.Decoder.Token() - " + e.getMessage();
            throw new EvalError("failed to parse value as XML: " + why);
        }
    }

    /** The value of the element whose start tag {@code r} just read. */
    private static Object element(XmlReader r, boolean cast) {
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (int i = 0; i < r.attributes.size(); i += 2) {
            String key = ATTR + r.attributes.get(i);
            nodes.put(key, cast(r.attributes.get(i + 1), cast));
        }
        Object text = null;
        while (true) {
            switch (r.next()) {
                case START: {
                    String key = r.name;
                    Object child = element(r, cast);
                    Object prior = nodes.get(key);
                    if (prior == null && !nodes.containsKey(key)) {
                        nodes.put(key, child);
                    } else {
                        List<Object> all = prior instanceof List ? Values.asArray(prior) : new ArrayList<>(List.of(prior));
                        all.add(child);
                        nodes.put(key, all);
                    }
                    break;
                }
                case TEXT: {
                    String t = trim(r.text);
                    if (t.isEmpty()) {
                        break;
                    }
                    if (!nodes.isEmpty()) {
                        nodes.put(TEXT, cast(t, cast));
                    } else {
                        text = cast(t, cast);
                    }
                    break;
                }
                case END:
                    if (text == null) {
                        return nodes.isEmpty() ? "" : nodes;
                    }
                    if (nodes.isEmpty()) {
                        return text;
                    }
                    nodes.put(TEXT, text);
                    return nodes;
                default:
                    throw new EvalError("XML syntax error: unexpected EOF");
            }
        }
    }

    /** Go's strings.Trim with mxj's cut set. */
    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && "\t\r\b\n ".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && "\t\r\b\n ".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private static Object cast(String s, boolean cast) {
        if (!cast) {
            return s;
        }
        if (DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        if (s.length() < 6 && BOOLS.contains(s)) {
            return s.charAt(0) == 't' || s.charAt(0) == 'T';
        }
        return s;
    }

    /** Serialises an object; one key names the root element, otherwise the root is {@code doc}. */
    static byte[] format(Map<String, Object> obj, String indent, boolean noIndent) {
        StringBuilder b = new StringBuilder();
        Writer w = new Writer(b, noIndent ? null : indent);
        if (obj.size() == 1) {
            Map.Entry<String, Object> e = obj.entrySet().iterator().next();
            if (e.getValue() instanceof List && !(noIndent && allObjects(e.getValue()))) {
                w.element(ROOT_WHEN_AMBIGUOUS, obj, 0);
            } else {
                w.element(e.getKey(), e.getValue(), 0);
            }
        } else {
            w.element(ROOT_WHEN_AMBIGUOUS, obj, 0);
        }
        return StringMethods.utf8(w.finish());
    }

    private static boolean allObjects(Object list) {
        for (Object o : Values.asArray(list)) {
            if (!(o instanceof Map)) {
                return false;
            }
        }
        return true;
    }

    /** Writes elements one per line (or all on one line without an indent). */
    private static final class Writer {
        private final StringBuilder b;
        private final String indent;

        Writer(StringBuilder b, String indent) {
            this.b = b;
            this.indent = indent;
        }

        String finish() {
            // elements end with a newline when indenting; the document does not
            int end = b.length();
            while (indent != null && end > 0 && b.charAt(end - 1) == '\n') {
                end--;
            }
            return b.substring(0, end);
        }

        private void startLine(int depth) {
            if (indent != null) {
                b.append(indent.repeat(depth));
            }
        }

        private void endLine() {
            if (indent != null) {
                b.append('\n');
            }
        }

        void element(String key, Object value, int depth) {
            if (value instanceof List) {
                for (Object item : Values.asArray(value)) {
                    element(key, item, depth);
                }
                return;
            }
            startLine(depth);
            b.append('<').append(key);
            if (!(value instanceof Map)) {
                String text = scalar(value);
                if (text.isEmpty()) {
                    b.append("/>");
                } else {
                    b.append('>').append(XmlEntities.encode(text)).append("</").append(key).append('>');
                }
                endLine();
                return;
            }
            Map<String, Object> children = new TreeMap<>();
            Object text = null;
            for (Map.Entry<String, Object> e : new TreeMap<>(Values.asObject(value)).entrySet()) {
                String k = e.getKey();
                if (k.startsWith(ATTR) && k.length() > ATTR.length()) {
                    b.append(' ').append(k.substring(ATTR.length())).append("=\"")
                            .append(XmlEntities.encode(scalar(e.getValue()))).append('"');
                } else if (k.equals(TEXT)) {
                    text = e.getValue();
                } else {
                    children.put(k, e.getValue());
                }
            }
            if (children.isEmpty() && text == null) {
                b.append("/>");
                endLine();
                return;
            }
            b.append('>');
            if (text != null) {
                b.append(XmlEntities.encode(scalar(text)));
            }
            if (children.isEmpty()) {
                b.append("</").append(key).append('>');
                endLine();
                return;
            }
            endLine();
            for (Map.Entry<String, Object> e : children.entrySet()) {
                element(e.getKey(), e.getValue(), depth + 1);
            }
            startLine(depth);
            b.append("</").append(key).append('>');
            endLine();
        }

        private static String scalar(Object v) {
            if (v == null) {
                return "";
            }
            if (v instanceof Double || v instanceof Float) {
                return GoFloat.formatG(((Number) v).doubleValue());
            }
            if (v instanceof JsonNum) {
                return ((JsonNum) v).text();
            }
            if (v instanceof Map || v instanceof List) {
                throw new EvalError("invalid attribute value: " + Values.typeName(v));
            }
            return Values.toStr(v);
        }
    }
}
