package io.sluice.bloblang;

/** A mapping failed at run time, e.g. {@code failed assignment (line 1): ...}. */
public final class BloblangExecutionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BloblangExecutionException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
