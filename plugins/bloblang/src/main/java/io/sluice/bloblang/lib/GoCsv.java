package io.sluice.bloblang.lib;

import io.sluice.bloblang.value.EvalError;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV reader with the rules of Go's encoding/csv, which {@code parse_csv} exposes: blank lines
 * are skipped, every record must have as many fields as the first, and {@code lazy_quotes} lets
 * quotes appear inside fields. Java CSV libraries have no lazy mode and word their errors
 * differently, hence this small reader.
 */
final class GoCsv {
    private final String text;
    private final int delimiter;
    private final boolean lazyQuotes;
    private int pos;
    private int line;

    private GoCsv(String text, int delimiter, boolean lazyQuotes) {
        this.text = text.replace("\r\n", "\n");
        this.delimiter = delimiter;
        this.lazyQuotes = lazyQuotes;
    }

    static List<List<String>> readAll(String text, int delimiter, boolean lazyQuotes) {
        return new GoCsv(text, delimiter, lazyQuotes).readAll();
    }

    private List<List<String>> readAll() {
        List<List<String>> records = new ArrayList<>();
        int fieldsPerRecord = -1;
        while (pos < text.length()) {
            if (text.charAt(pos) == '\n') {
                pos++;
                line++;
                continue;
            }
            int recordLine = line + 1;
            List<String> record = record();
            if (fieldsPerRecord < 0) {
                fieldsPerRecord = record.size();
            } else if (record.size() != fieldsPerRecord) {
                throw new EvalError("record on line " + recordLine + ": wrong number of fields");
            }
            records.add(record);
        }
        return records;
    }

    /** Reads one record and the newline after it. */
    private List<String> record() {
        line++;
        int lineStart = pos;
        List<String> fields = new ArrayList<>();
        while (true) {
            StringBuilder field = new StringBuilder();
            if (pos < text.length() && text.charAt(pos) == '"') {
                pos++;
                quoted(field, lineStart);
            } else {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.codePointAt(pos) != delimiter) {
                    char c = text.charAt(pos);
                    if (c == '"' && !lazyQuotes) {
                        throw error(lineStart, "bare \" in non-quoted-field");
                    }
                    field.append(c);
                    pos++;
                }
            }
            fields.add(field.toString());
            if (pos < text.length() && text.codePointAt(pos) == delimiter) {
                pos += Character.charCount(delimiter);
                continue;
            }
            if (pos < text.length()) {
                pos++; // the newline
            }
            return fields;
        }
    }

    private void quoted(StringBuilder field, int lineStart) {
        while (true) {
            if (pos >= text.length()) {
                if (!lazyQuotes) {
                    throw error(lineStart, "extraneous or missing \" in quoted-field");
                }
                return;
            }
            char c = text.charAt(pos);
            if (c != '"') {
                if (c == '\n') {
                    line++;
                }
                field.append(c);
                pos++;
                continue;
            }
            pos++;
            if (pos < text.length() && text.charAt(pos) == '"') {
                field.append('"');
                pos++;
            } else if (pos >= text.length() || text.charAt(pos) == '\n' || text.codePointAt(pos) == delimiter) {
                return;
            } else if (lazyQuotes) {
                field.append('"');
            } else {
                throw error(lineStart, "extraneous or missing \" in quoted-field");
            }
        }
    }

    private EvalError error(int lineStart, String what) {
        return new EvalError("parse error on line " + line + ", column " + (pos - lineStart + 1) + ": " + what);
    }
}
