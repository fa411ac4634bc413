package io.sluice.translator.nats;

import io.sluice.translator.MetadataKeys;
import io.sluice.translator.SluiceEndpoints;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * What the NATS publisher needs for one message, rendered from Bento's output fields: the subject, and the NATS
 * headers (the {@code headers} field, then the metadata that {@code metadata.include_prefixes}/{@code
 * include_patterns} select; none by default).
 */
public final class NatsPublishing implements Processor {

    private final Expression subject;
    private final Map<String, Expression> headers;
    private final List<String> includePrefixes;
    private final List<Pattern> includePatterns;

    public NatsPublishing(Expression subject, Map<String, Expression> headers, List<String> includePrefixes,
                          List<Pattern> includePatterns) {
        this.subject = subject;
        this.headers = headers;
        this.includePrefixes = includePrefixes;
        this.includePatterns = includePatterns;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> out.put(name, value.evaluate(exchange, String.class)));
        if (!includePrefixes.isEmpty() || !includePatterns.isEmpty()) {
            in.getHeaders().forEach((key, value) -> {
                if (value != null && MetadataKeys.isMetadata(key) && included(key)) {
                    out.putIfAbsent(key, String.valueOf(value));
                }
            });
        }
        in.setHeader(SluiceEndpoints.NATS_HEADERS, out);
        in.setHeader(SluiceEndpoints.NATS_SUBJECT, subject.evaluate(exchange, String.class));
    }

    private boolean included(String key) {
        return includePrefixes.stream().anyMatch(key::startsWith) || includePatterns.stream().anyMatch(p -> p.matcher(key).find());
    }
}
