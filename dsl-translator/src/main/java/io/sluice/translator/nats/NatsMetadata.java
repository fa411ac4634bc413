package io.sluice.translator.nats;

import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Gives a message camel-nats consumed Bento's metadata: {@code nats_subject}, {@code nats_reply_subject} and the
 * NATS headers (first value each), in place of camel-nats' own {@code CamelNats*} headers.
 */
public final class NatsMetadata implements Processor {

    @Override
    public void process(Exchange exchange) {
        Map<String, Object> headers = exchange.getIn().getHeaders();
        Object subject = headers.get("CamelNatsSubject");
        Object replyTo = headers.get("CamelNatsReplyTo");
        headers.keySet().removeIf(k -> k.startsWith("CamelNats"));
        headers.replaceAll((k, v) -> v instanceof List<?> values ? (values.isEmpty() ? "" : String.valueOf(values.get(0))) : v);
        headers.put("nats_subject", subject == null ? "" : subject.toString());
        headers.put("nats_reply_subject", replyTo == null ? "" : replyTo.toString());
    }
}
