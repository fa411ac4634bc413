package io.sluice.translator;

/**
 * The contract between the translator and the modules that implement Sluice's own Camel components: the
 * routes module's HTTP-facing stream ends (not servers of their own, but bindings the gateway front dispatches
 * to after matching, authentication and limits), and the broker plugins' components.
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

    /**
     * {@code sluice-nats:<label>?servers=..&subject=..}: NATS publishing (core or JetStream) and the JetStream consumer,
     * implemented by the sluice-nats plugin on the jnats client (camel-nats 4.17 acknowledges JetStream messages
     * whatever the route's outcome, and publishes to one fixed subject without waiting for the server).
     */
    public static final String NATS = "sluice-nats";

    /** Header naming the subject one message is published to, overriding the endpoint's. */
    public static final String NATS_SUBJECT = "sluice.nats.subject";

    /** Header holding the NATS headers ({@code Map<String, String>}) one message is published with. */
    public static final String NATS_HEADERS = "sluice.nats.headers";

    /**
     * {@code sluice-amqp:<exchange>?urls=..}: AMQP 0.9, implemented by the sluice-amqp plugin on
     * camel-spring-rabbitmq, with a connection of its own per endpoint built from Bento's {@code urls}.
     */
    public static final String AMQP = "sluice-amqp";

    private SluiceEndpoints() {
    }
}
