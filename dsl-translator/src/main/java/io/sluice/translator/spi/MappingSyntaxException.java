package io.sluice.translator.spi;

/** Mapping text that does not parse, with the position inside the mapping (1-based line and column). */
public class MappingSyntaxException extends RuntimeException {

    private final int line;
    private final int column;

    /** @param message the parser's message, already pointing at the spot (e.g. with a caret) */
    public MappingSyntaxException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
