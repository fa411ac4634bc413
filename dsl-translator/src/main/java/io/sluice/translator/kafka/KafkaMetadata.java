package io.sluice.translator.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Gives a consumed Kafka record Bento's metadata: record headers as strings, then {@code kafka_key},
 * {@code kafka_topic}, {@code kafka_partition}, {@code kafka_offset}, {@code kafka_timestamp_unix} and
 * {@code kafka_tombstone_message}, read from the headers camel-kafka sets.
 */
public final class KafkaMetadata implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        Map<String, Object> headers = in.getHeaders();
        headers.replaceAll((k, v) -> v instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : v);
        Object key = headers.get("kafka.KEY");
        headers.put("kafka_key", key == null ? "" : key instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : key.toString());
        headers.put("kafka_topic", String.valueOf(headers.get("kafka.TOPIC")));
        headers.put("kafka_partition", String.valueOf(headers.get("kafka.PARTITION")));
        headers.put("kafka_offset", String.valueOf(headers.get("kafka.OFFSET")));
        Object timestamp = headers.get("kafka.TIMESTAMP");
        if (timestamp instanceof Long millis) {
            headers.put("kafka_timestamp_unix", String.valueOf(millis / 1000));
        }
        headers.put("kafka_tombstone_message", String.valueOf(in.getBody() == null));
    }
}
