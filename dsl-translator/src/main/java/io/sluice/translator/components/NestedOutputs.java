package io.sluice.translator.components;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.translator.StreamContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.model.ProcessorDefinition;

/** Sending a message on to an output compiled as a route of its own (see StreamContext.Nesting). */
final class NestedOutputs {

    private NestedOutputs() {
    }

    /** Registers each output of {@code list} (at {@code jsonPath}/i) as a route; returns their URIs. */
    static List<String> register(JsonNode list, String jsonPath, StreamContext stream) {
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String uri = stream.nesting().output(list.get(i), jsonPath + "/" + i);
            if (uri != null) {
                uris.add(uri);
            }
        }
        return uris;
    }

    /**
     * Sends a copy of the message to the output route at {@code uri} (Camel's content enricher), so what that output
     * does to its copy (headers, body) is not seen by the next one; its failure fails the message.
     */
    static ProcessorDefinition<?> sendCopy(ProcessorDefinition<?> route, String uri) {
        return route.enrich(uri, (original, sent) -> original, false, false);
    }
}
