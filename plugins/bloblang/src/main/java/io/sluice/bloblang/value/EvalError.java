package io.sluice.bloblang.value;

/**
 * A failure while executing a mapping. Errors are ordinary control flow in Bloblang ({@code catch},
 * {@code or}), so no stack trace is captured.
 */
public class EvalError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EvalError(String message) {
        super(message, null, false, false);
    }

    public EvalError(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
