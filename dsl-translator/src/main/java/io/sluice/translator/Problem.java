package io.sluice.translator;

/**
 * One thing wrong with an API definition, located as precisely as we can: the file, the API,
 * the stream, the JSON path inside the document and, where the parser knew it, line and column.
 */
public record Problem(String file, String api, String stream, String jsonPath, int line, int column,
                      String message) {

    public Problem withLocation(int line, int column) {
        return new Problem(file, api, stream, jsonPath, line, column, message);
    }

    /** {@code file:line:col: api 'a', stream 's', at /json/path: message} — the form editors and CI logs link. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file == null ? "<definition>" : file);
        if (line > 0) {
            s.append(':').append(line).append(':').append(column);
        }
        s.append(": ");
        if (api != null) {
            s.append("api '").append(api).append("', ");
        }
        if (stream != null) {
            s.append("stream '").append(stream).append("', ");
        }
        if (jsonPath != null && !jsonPath.isEmpty()) {
            s.append("at ").append(jsonPath).append(": ");
        }
        return s.append(message).toString();
    }
}
