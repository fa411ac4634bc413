package io.sluice.bloblang.value;

/** {@code cannot add types number (from ...) and string (from ...)}: never re-annotated. */
public final class TypeMismatchError extends EvalError {
    private static final long serialVersionUID = 1L;

    public TypeMismatchError(String message) {
        super(message);
    }
}
