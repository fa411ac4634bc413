package io.sluice.routes;

/** A stream whose routes did not start (a broker unreachable, credentials refused), named for the operator. */
public final class StreamStartException extends Exception {

    private final String streamName;

    StreamStartException(String streamName, Exception cause) {
        super("stream '" + streamName + "' could not start: " + reason(cause), cause);
        this.streamName = streamName;
    }

    public String streamName() {
        return streamName;
    }

    /**
     * What went wrong in the component's words: the first message in the cause chain that is not one of Camel's
     * wrappers ("Failed to start route ... because of ...").
     */
    public static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (!t.getClass().getName().startsWith("org.apache.camel.") && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
