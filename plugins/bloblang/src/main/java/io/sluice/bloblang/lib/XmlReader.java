package io.sluice.bloblang.lib;

import io.sluice.bloblang.value.EvalError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A forgiving XML tokenizer with the leniency of Go's non-strict decoder, which Bento's
 * {@code parse_xml} uses: unquoted attribute values ({@code id=99}), attributes without a value
 * and unknown entities are accepted, where the JDK's parsers reject the whole document. Comments,
 * processing instructions and directives are skipped.
 */
final class XmlReader {
    /** What {@link #next()} found. */
    enum Kind { START, END, TEXT, EOF }

    private final String s;
    private int pos;
    private final Deque<String> open = new ArrayDeque<>();

    Kind kind;
    String name;
    /** Attribute names and values, alternating. */
    final List<String> attributes = new ArrayList<>();
    String text;
    private boolean pendingEnd;

    XmlReader(String s) {
        this.s = s;
    }

    Kind next() {
        attributes.clear();
        if (pendingEnd) {
            pendingEnd = false;
            kind = Kind.END;
            name = local(open.pop());
            return kind;
        }
        while (true) {
            if (pos >= s.length()) {
                if (!open.isEmpty()) {
                    throw syntax("unexpected EOF");
                }
                return kind = Kind.EOF;
            }
            if (s.charAt(pos) != '<') {
                return text(s.indexOf('<', pos));
            }
            if (s.startsWith("<!--", pos)) {
                skipPast("-->");
            } else if (s.startsWith("<![CDATA[", pos)) {
                int end = s.indexOf("]]>", pos);
                if (end < 0) {
                    throw syntax("unexpected EOF in CDATA section");
                }
                text = s.substring(pos + 9, end);
                pos = end + 3;
                return kind = Kind.TEXT;
            } else if (s.startsWith("<?", pos)) {
                skipPast("?>");
            } else if (s.startsWith("<!", pos)) {
                skipDirective();
            } else if (s.startsWith("</", pos)) {
                return endTag();
            } else {
                return startTag();
            }
        }
    }

    private Kind text(int end) {
        int stop = end < 0 ? s.length() : end;
        text = XmlEntities.decode(s.substring(pos, stop));
        pos = stop;
        return kind = Kind.TEXT;
    }

    private void skipPast(String terminator) {
        int end = s.indexOf(terminator, pos);
        if (end < 0) {
            throw syntax("unexpected EOF");
        }
        pos = end + terminator.length();
    }

    /** {@code <!DOCTYPE ...>} may nest angle brackets. */
    private void skipDirective() {
        int depth = 0;
        for (; pos < s.length(); pos++) {
            char c = s.charAt(pos);
            if (c == '<') {
                depth++;
            } else if (c == '>' && --depth == 0) {
                pos++;
                return;
            }
        }
        throw syntax("unexpected EOF");
    }

    private Kind endTag() {
        pos += 2;
        String n = qualifiedName();
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != '>') {
            throw syntax("invalid characters between </" + n + " and >");
        }
        pos++;
        if (open.isEmpty()) {
            throw syntax("unexpected end element </" + n + ">");
        }
        if (!open.peek().equals(n)) {
            throw syntax("element <" + open.peek() + "> closed by </" + n + ">");
        }
        open.pop();
        name = local(n);
        return kind = Kind.END;
    }

    private Kind startTag() {
        pos++;
        String n = qualifiedName();
        if (n.isEmpty()) {
            throw syntax("expected element name after <");
        }
        while (true) {
            skipSpace();
            if (pos >= s.length()) {
                throw syntax("unexpected EOF");
            }
            char c = s.charAt(pos);
            if (c == '>') {
                pos++;
                break;
            }
            if (c == '/') {
                if (!s.startsWith("/>", pos)) {
                    throw syntax("expected /> in element");
                }
                pos += 2;
                pendingEnd = true;
                break;
            }
            attribute();
        }
        open.push(n);
        name = local(n);
        return kind = Kind.START;
    }

    private void attribute() {
        String n = qualifiedName();
        if (n.isEmpty()) {
            throw syntax("expected attribute name in element");
        }
        skipSpace();
        String value;
        if (pos < s.length() && s.charAt(pos) == '=') {
            pos++;
            skipSpace();
            value = attributeValue();
        } else {
            value = n; // a bare attribute, as Go's non-strict mode reads it
        }
        attributes.add(local(n));
        attributes.add(value);
    }

    private String attributeValue() {
        if (pos >= s.length()) {
            throw syntax("unexpected EOF");
        }
        char q = s.charAt(pos);
        if (q == '"' || q == '\'') {
            int end = s.indexOf(q, pos + 1);
            if (end < 0) {
                throw syntax("unexpected EOF");
            }
            String v = s.substring(pos + 1, end);
            pos = end + 1;
            return XmlEntities.decode(v);
        }
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || "_:-".indexOf(s.charAt(pos)) >= 0)) {
            pos++;
        }
        if (pos == start) {
            throw syntax("unquoted or missing attribute value in element");
        }
        return s.substring(start, pos);
    }

    private String qualifiedName() {
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (Character.isWhitespace(c) || c == '>' || c == '/' || c == '=' || c == '<') {
                break;
            }
            pos++;
        }
        return s.substring(start, pos);
    }

    /** The local part of a prefixed name ({@code ns:item} is {@code item}). */
    private static String local(String qualified) {
        int colon = qualified.indexOf(':');
        return colon < 0 ? qualified : qualified.substring(colon + 1);
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private EvalError syntax(String what) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, s.length()); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return new EvalError("XML syntax error on line " + line + ": " + what);
    }
}
