package io.sluice.bloblang.value;

import java.util.List;

/** Bento's type error: {@code expected number value, got string from field `this.foo` ("bar")}. */
public final class TypeError extends EvalError {
    private static final long serialVersionUID = 1L;
    private final List<String> expected;
    private final String actual;
    private final String valueText;
    private String from;

    public TypeError(String from, Object value, String... expected) {
        super("type error");
        this.from = from == null ? "" : from;
        this.expected = List.of(expected);
        this.actual = Values.typeName(value);
        String t = actual;
        if (t.equals("string")) {
            valueText = "\"" + value + "\"";
        } else if (t.equals("bool") || t.equals("number")) {
            valueText = Values.toStr(value);
        } else {
            valueText = "";
        }
    }

    public TypeError(Object value, String... expected) {
        this("", value, expected);
    }

    public String from() {
        return from;
    }

    /** Records where the value came from, unless already known (mirrors Bento's ErrFrom). */
    public TypeError withFromIfAbsent(String annotation) {
        if (from.isEmpty()) {
            from = annotation;
        }
        return this;
    }

    @Override
    public String getMessage() {
        StringBuilder b = new StringBuilder();
        if (!expected.isEmpty()) {
            b.append("expected ");
            for (int i = 0; i < expected.size(); i++) {
                if (i > 0) {
                    b.append(expected.size() > 2 && i < expected.size() - 1 ? ", " : " or ");
                }
                b.append(expected.get(i));
            }
            b.append(" value");
        } else {
            b.append("unexpected value");
        }
        b.append(", got ").append(actual);
        if (!from.isEmpty()) {
            b.append(" from ").append(from);
        }
        if (!valueText.isEmpty()) {
            b.append(" (").append(valueText).append(')');
        }
        return b.toString();
    }
}
