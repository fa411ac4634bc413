package io.sluice.bloblang.value;

/** An error already prefixed with the expression it came from ({@code method foo: ...}). */
public final class AnnotatedError extends EvalError {
    private static final long serialVersionUID = 1L;

    public AnnotatedError(String message) {
        super(message);
    }

    public AnnotatedError(String message, Throwable cause) {
        super(message, cause);
    }
}
