package io.sluice.bloblang;

import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoJson;
import io.sluice.bloblang.value.Values;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message as a mapping sees it: raw content, metadata and Bento's error flag. The content is
 * parsed as JSON only when a mapping references {@code this}, and at most once.
 */
public final class Message {
    private byte[] content;
    private Object structured;
    private boolean parsed;
    private EvalError parseError;
    private Map<String, Object> metadata;
    private String error;
    private String[] errorSource;
    private boolean structureShared;

    private Message(byte[] content, Map<String, Object> metadata) {
        this.content = content;
        this.metadata = metadata;
    }

    public static Message of(byte[] content) {
        return new Message(content == null ? new byte[0] : content, new LinkedHashMap<>());
    }

    public static Message of(String content) {
        return of(content.getBytes(StandardCharsets.UTF_8));
    }

    /** A message whose content is a structured value (serialised to JSON only if asked for bytes). */
    public static Message ofValue(Object structured) {
        Message m = new Message(null, new LinkedHashMap<>());
        m.setStructured(structured);
        return m;
    }

    /** Uses the given map as the metadata (no copy); values are Bloblang values, usually strings. */
    public Message withMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
        return this;
    }

    public Message withError(String error) {
        this.error = error;
        return this;
    }

    /**
     * Records which component flagged the error (Bento's {@code error_source_type()},
     * {@code error_source_label()} and {@code error_source_path()} read it); any part may be null.
     */
    public Message withErrorSource(String type, String label, String path) {
        this.errorSource = new String[] {type, label, path};
        return this;
    }

    /** The component that flagged the error as {type, label, path}, or null when unknown. */
    public String[] errorSource() {
        return errorSource == null ? null : errorSource.clone();
    }

    public byte[] content() {
        if (content == null) {
            Object v = structured;
            content = v instanceof String ? ((String) v).getBytes(StandardCharsets.UTF_8)
                    : v instanceof byte[] ? (byte[]) v : GoJson.writeBytes(v);
        }
        return content;
    }

    public String contentAsString() {
        return new String(content(), StandardCharsets.UTF_8);
    }

    /** The content parsed as JSON; throws {@link EvalError} when it is not JSON. */
    public Object structured() {
        if (!parsed) {
            parsed = true;
            try {
                structured = GoJson.parse(content);
            } catch (EvalError e) {
                parseError = e;
            }
        }
        if (parseError != null) {
            throw parseError;
        }
        return structured;
    }

    /** Replaces the content with raw bytes. */
    public void setContent(byte[] bytes) {
        content = bytes;
        structured = null;
        parsed = false;
        parseError = null;
    }

    /** Replaces the content with a structured value; bytes are produced lazily. */
    public void setStructured(Object value) {
        structured = value;
        parsed = true;
        parseError = null;
        content = null;
        structureShared = false;
    }

    /**
     * Marks the structured content as possibly sharing parts with other values (a mapping stores
     * values without copying when nothing in it writes into them), so that whoever edits it in
     * place copies it first. The mutation processor does.
     */
    public void markStructureShared() {
        structureShared = true;
    }

    /** True when the structured content must be copied before it is edited in place. */
    public boolean structureMayBeShared() {
        return structureShared;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    public String error() {
        return error;
    }

    public boolean hasError() {
        return error != null;
    }

    /** Same content (shared, copy-on-write by convention), copied metadata, same error flag. */
    public Message shallowCopy() {
        Message m = new Message(content, new LinkedHashMap<>(metadata));
        m.structured = structured;
        m.parsed = parsed;
        m.parseError = parseError;
        m.error = error;
        m.errorSource = errorSource;
        m.structureShared = structureShared;
        return m;
    }

    /** The metadata value as a string, Bento's {@code meta("key")} view. */
    public String metadataString(String key) {
        Object v = metadata.get(key);
        return v == null ? null : Values.toStr(v);
    }
}
