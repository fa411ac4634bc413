package io.sluice.routes.front;

/** A failure with the HTTP status and message the client is told, as {@code {"error": "..."}}. */
public class GatewayException extends RuntimeException {

    private final int status;

    public GatewayException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public GatewayException(int status, String message, Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
