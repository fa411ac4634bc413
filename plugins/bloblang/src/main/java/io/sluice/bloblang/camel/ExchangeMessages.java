package io.sluice.bloblang.camel;

import io.sluice.bloblang.Bloblang;
import io.sluice.bloblang.Message;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/** Converts between a Camel exchange and a Bloblang message. */
final class ExchangeMessages {
    private ExchangeMessages() {
    }

    /** Body bytes are shared (no copy); headers become metadata; the error flag comes along. */
    static Message toMessage(Exchange exchange) {
        org.apache.camel.Message in = exchange.getMessage();
        Object body = in.getBody();
        Message m;
        if (body == null) {
            m = Message.of(new byte[0]);
        } else if (body instanceof byte[]) {
            m = Message.of((byte[]) body);
        } else if (body instanceof String) {
            m = Message.of(((String) body).getBytes(StandardCharsets.UTF_8));
        } else if (body instanceof Map || body instanceof List) {
            m = Message.ofValue(body);
        } else {
            byte[] bytes = in.getBody(byte[].class);
            m = Message.of(bytes == null ? String.valueOf(body).getBytes(StandardCharsets.UTF_8) : bytes);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        for (Map.Entry<String, Object> h : in.getHeaders().entrySet()) {
            Object v = h.getValue();
            meta.put(h.getKey(), isBloblangValue(v) ? v : String.valueOf(v));
        }
        m.withMetadata(meta);
        Object err = exchange.getProperty(Bloblang.ERROR_PROPERTY);
        if (err != null) {
            m.withError(err.toString());
        }
        return m;
    }

    private static boolean isBloblangValue(Object v) {
        return v == null || v instanceof String || v instanceof byte[] || v instanceof Long || v instanceof Double
                || v instanceof Boolean || v instanceof Map || v instanceof List;
    }

    /** Writes the mapped message back: headers replaced by the new metadata. */
    static void writeHeaders(Exchange exchange, Message m) {
        Map<String, Object> headers = exchange.getMessage().getHeaders();
        headers.clear();
        headers.putAll(m.metadata());
    }
}
