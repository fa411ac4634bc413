package io.sluice.routes.streams;

import io.sluice.routes.front.GatewayException;
import java.net.ConnectException;

/**
 * The HTTP status a producer gets when the stream could not deliver its message: 503 when the destination
 * could not be reached in time (a broker down, no consumer connected), 502 when it answered with a refusal.
 * Broker-agnostic on purpose: the routes module must not know a broker's exception types.
 */
final class OutputFailures {

    private OutputFailures() {
    }

    static int status(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GatewayException g) {
                return g.status();
            }
            if (t instanceof ConnectException || t.getClass().getSimpleName().endsWith("TimeoutException")) {
                return 503;
            }
        }
        return 502;
    }

    static String message(Throwable failure) {
        int status = status(failure);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GatewayException g) {
                return g.getMessage();
            }
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return (status == 503 ? "Output unavailable: " : "Output rejected the message: ") + detail;
    }
}
