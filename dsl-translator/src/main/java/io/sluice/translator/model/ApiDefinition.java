package io.sluice.translator.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A Tyk OAS API definition as Sluice serves it: the parts of {@code x-tyk-api-gateway} the gateway
 * front needs, and the streams of {@code x-tyk-streaming}.
 *
 * @param source      where it came from (a file name), used in every error about it
 * @param listenPath  starts with {@code /}, no trailing or duplicate {@code /} (just {@code /} for the root)
 * @param streams     by stream name, in document order
 * @param document    the whole OAS document, kept for export and for later filters (auth, limits)
 */
public record ApiDefinition(String source, String id, String name, boolean active, String listenPath,
                            boolean stripListenPath, String upstreamUrl, Map<String, StreamDefinition> streams,
                            ObjectNode document, SourceLocations locations) {

    public boolean hasStreams() {
        return !streams.isEmpty();
    }
}
