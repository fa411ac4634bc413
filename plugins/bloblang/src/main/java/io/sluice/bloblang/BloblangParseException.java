package io.sluice.bloblang;

/** A mapping, query or interpolation that does not parse; names line and column, with a caret. */
public final class BloblangParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final String positional;

    BloblangParseException(io.sluice.bloblang.parse.ParseError e) {
        super(e.withCaret());
        this.line = e.line();
        this.column = e.column();
        this.positional = e.positional();
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** Bento's one-line form, e.g. {@code line 1 char 5: expected =}. */
    public String positionalMessage() {
        return positional;
    }
}
