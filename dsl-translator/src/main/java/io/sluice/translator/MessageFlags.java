package io.sluice.translator;

import org.apache.camel.Exchange;

/**
 * Bento's per-message state that travels with an exchange: the error flag a failed processor leaves on the message
 * (it carries on, flagged, until a {@code catch} clears it or a {@code try} skips the rest), and the mark of a
 * message a mapping deleted.
 */
public final class MessageFlags {

    /** Exchange property holding the error flag (a String) of a message. */
    public static final String ERROR = "SluiceBloblangError";
    /** Exchange property set to {@code true} when a mapping deleted the message. */
    public static final String DELETED = "SluiceBloblangDeleted";

    private MessageFlags() {
    }

    public static boolean hasError(Exchange exchange) {
        return exchange.getProperty(ERROR) != null;
    }

    public static void flagError(Exchange exchange, String error) {
        exchange.setProperty(ERROR, error == null || error.isEmpty() ? "failed" : error);
    }

    public static void clearError(Exchange exchange) {
        exchange.removeProperty(ERROR);
    }

    public static boolean deleted(Exchange exchange) {
        return Boolean.TRUE.equals(exchange.getProperty(DELETED));
    }
}
