package io.sluice.bloblang.parse;

/** A parse failure with its position, rendered the way Bento renders it. */
public final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final int charOffset;
    private final String reason;
    private final String lineText;
    private final boolean charOnly;
    private String got = "";
    private boolean listsExpected;

    ParseError(int line, int column, int charOffset, String reason, String lineText, boolean charOnly) {
        super(null, null, false, false);
        this.line = line;
        this.column = column;
        this.charOffset = charOffset;
        this.reason = reason;
        this.lineText = lineText;
        this.charOnly = charOnly;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }

    ParseError withInput(String got, boolean listsExpected) {
        this.got = got;
        this.listsExpected = listsExpected;
        return this;
    }

    /**
     * Bento's unpositioned form of the error: the reason followed by up to five characters of the
     * input where parsing stopped ({@code expected X, got: abcde}).
     */
    public String withInputSnippet() {
        if (listsExpected) {
            return reason + (got.isEmpty() ? ", but reached end of input" : ", got: " + got);
        }
        return got.isEmpty() ? reason : reason + ": " + got;
    }

    /** {@code line 1 char 5: expected =}, or {@code char 5: ...} for interpolations. */
    public String positional() {
        return charOnly ? "char " + charOffset + ": " + reason : "line " + line + " char " + column + ": " + reason;
    }

    /** The positional message followed by the offending line and a caret under the column. */
    public String withCaret() {
        String num = Integer.toString(line);
        String pad = " ".repeat(num.length());
        return positional() + "\n" + pad + " |\n" + num + " | " + lineText + "\n" + pad + " | "
                + " ".repeat(Math.max(0, column - 1)) + "^---";
    }

    @Override
    public String getMessage() {
        return positional();
    }
}
