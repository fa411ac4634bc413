package io.sluice.bloblang.exec;

import io.sluice.bloblang.value.EvalError;

/** Bento's {@code failed assignment (line N): cause}. */
public final class FailedAssignment extends EvalError {
    private static final long serialVersionUID = 1L;
    private final int line;

    public FailedAssignment(int line, EvalError cause) {
        super("failed assignment (line " + line + "): " + cause.getMessage(), cause);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
