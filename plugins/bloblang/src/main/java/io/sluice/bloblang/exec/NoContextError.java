package io.sluice.bloblang.exec;

import io.sluice.bloblang.value.EvalError;

/** Raised when {@code this} is referenced but there is no context value (or no JSON message). */
public final class NoContextError extends EvalError {
    private static final long serialVersionUID = 1L;

    private NoContextError(String message) {
        super(message);
    }

    static NoContextError of(Ctx ctx, String fieldName) {
        EvalError parse = ctx.messageParseError();
        if (parse != null) {
            String with = fieldName.isEmpty() ? "'this'" : "'this." + fieldName + "'";
            String why = parse.getMessage().equals("message is empty") ? "message is empty"
                    : "parse as json: " + parse.getMessage();
            return new NoContextError("unable to reference message as structured (with " + with + "): " + why);
        }
        if (!fieldName.isEmpty()) {
            return new NoContextError("context was undefined, unable to reference `" + fieldName + "`");
        }
        return new NoContextError("context was undefined");
    }
}
