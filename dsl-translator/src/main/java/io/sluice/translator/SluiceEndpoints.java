package io.sluice.translator;

/**
 * The contract between the translator and the routes module for HTTP-facing stream ends. They are not
 * servers of their own: the routes module implements these Camel components as bindings the gateway front
 * dispatches to after matching, authentication and limits.
 */
public final class SluiceEndpoints {

    /** {@code sluice-http-in:<apiId>/<stream>?path=..&allowedVerbs=..&timeoutMillis=..}: requests in. */
    public static final String HTTP_INPUT = "sluice-http-in";

    /** {@code sluice-http-out:<apiId>/<stream>?path=..&streamPath=..&wsPath=..}: long-poll, stream and WS out. */
    public static final String HTTP_OUTPUT = "sluice-http-out";

    /**
     * Exchange property an output or processor sets to make the HTTP input reply with that content instead of
     * an empty 200 ({@code sync_response}).
     */
    public static final String SYNC_RESPONSE = "sluice.syncResponse";

    /**
     * Exchange property holding an {@code AtomicBoolean} that the HTTP input sets once its client was answered
     * without the message (408): an output that has not written the message yet drops it rather than deliver
     * what its producer was told failed.
     */
    public static final String ABANDONED = "sluice.abandoned";

    private SluiceEndpoints() {
    }
}
