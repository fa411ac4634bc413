package io.sluice.translator.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry of {@code x-tyk-streaming.streams}: a Bento stream config ({@code input}, {@code pipeline},
 * {@code output}, resources) kept as the JSON tree the user wrote.
 *
 * @param jsonPath JSON pointer of this stream inside the API document, for error locations
 */
public record StreamDefinition(String name, ObjectNode config, String jsonPath) {
}
