package io.sluice.translator.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Line and column of every value in a JSON or YAML document, by JSON pointer. Jackson's tree model
 * forgets where nodes came from; one extra streaming pass remembers it so that every error can point
 * at the line the user has to change.
 */
public final class SourceLocations {

    public static final SourceLocations NONE = new SourceLocations(Map.of());

    private final Map<String, int[]> byPointer;

    private SourceLocations(Map<String, int[]> byPointer) {
        this.byPointer = byPointer;
    }

    public static SourceLocations index(JsonFactory factory, byte[] content) {
        Map<String, int[]> found = new HashMap<>();
        try (JsonParser p = factory.createParser(content)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonPointer pointer = p.getParsingContext().pathAsPointer();
                JsonLocation at = p.currentTokenLocation();
                found.putIfAbsent(pointer.toString(), new int[] {at.getLineNr(), at.getColumnNr()});
            }
        } catch (IOException e) {
            // The document was already parsed successfully; a failure here only costs us locations.
            return new SourceLocations(found);
        }
        return new SourceLocations(found);
    }

    /**
     * The location of the value at {@code pointer}, or of its nearest ancestor that exists (a missing
     * required field is reported where its parent object starts).
     */
    public int[] locate(String pointer) {
        String p = pointer;
        while (true) {
            int[] at = byPointer.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return new int[] {0, 0};
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }
}
