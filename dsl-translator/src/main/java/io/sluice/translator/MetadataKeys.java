package io.sluice.translator;

/**
 * Which headers of a Camel message are Bento metadata: all of them except the ones Camel and its components keep
 * for themselves ({@code Camel*}, camel-kafka's {@code kafka.*}) and Sluice's own ({@code sluice.*}). An output that
 * writes metadata to the broker (AMQP headers, NATS headers) writes only these.
 */
public final class MetadataKeys {

    private MetadataKeys() {
    }

    public static boolean isMetadata(String header) {
        return !(header.startsWith("Camel") || header.startsWith("kafka.") || header.startsWith("sluice."));
    }
}
