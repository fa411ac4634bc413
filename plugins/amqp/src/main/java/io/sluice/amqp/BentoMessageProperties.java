package io.sluice.amqp;

import io.sluice.translator.MetadataKeys;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.springrabbit.DefaultMessagePropertiesConverter;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

/**
 * Bento's view of AMQP message properties. A consumed message's metadata are its headers (dashes become
 * underscores, nested tables and lists flattened into {@code parent_key} names) and {@code amqp_content_type} ...
 * {@code amqp_routing_key}; a published message's headers are its metadata (underscores become dashes), its
 * properties set from camel-spring-rabbitmq's headers, which the output fills from Bento's fields.
 */
final class BentoMessageProperties extends DefaultMessagePropertiesConverter {

    @Override
    public MessageProperties toMessageProperties(Exchange exchange) {
        MessageProperties properties = super.toMessageProperties(exchange);
        exchange.getMessage().getHeaders().forEach((key, value) -> {
            if (value != null && MetadataKeys.isMetadata(key)) {
                properties.setHeader(key.replace('_', '-'), value);
            }
        });
        return properties;
    }

    /** The headers are written above, Bento's way; camel-spring-rabbitmq would copy them as they are. */
    @Override
    protected boolean shouldOutputHeader(String headerName, Object headerValue, Exchange exchange) {
        return false;
    }

    @Override
    public Map<String, Object> fromMessageProperties(MessageProperties p, Exchange exchange) {
        Map<String, Object> meta = new HashMap<>();
        p.getHeaders().forEach((k, v) -> put(meta, k, v));
        put(meta, "amqp_content_type", p.getContentType());
        put(meta, "amqp_content_encoding", p.getContentEncoding());
        if (p.getReceivedDeliveryMode() != null) {
            put(meta, "amqp_delivery_mode", MessageDeliveryMode.toInt(p.getReceivedDeliveryMode()));
        }
        put(meta, "amqp_priority", p.getPriority() == null ? 0 : p.getPriority());
        put(meta, "amqp_correlation_id", p.getCorrelationId());
        put(meta, "amqp_reply_to", p.getReplyTo());
        put(meta, "amqp_expiration", p.getExpiration());
        put(meta, "amqp_message_id", p.getMessageId());
        if (p.getTimestamp() != null) {
            put(meta, "amqp_timestamp", p.getTimestamp().getTime() / 1000);
        }
        put(meta, "amqp_type", p.getType());
        put(meta, "amqp_user_id", p.getReceivedUserId());
        put(meta, "amqp_app_id", p.getAppId());
        put(meta, "amqp_consumer_tag", p.getConsumerTag());
        put(meta, "amqp_delivery_tag", p.getDeliveryTag());
        put(meta, "amqp_redelivered", Boolean.TRUE.equals(p.getRedelivered()));
        put(meta, "amqp_exchange", p.getReceivedExchange());
        put(meta, "amqp_routing_key", p.getReceivedRoutingKey());
        return meta;
    }

    /** As Bento: every value a string, empty ones left out. */
    private static void put(Map<String, Object> meta, String key, Object value) {
        String k = key.replace('-', '_');
        if (value instanceof Map<?, ?> table) {
            table.forEach((child, v) -> put(meta, k + "_" + child, v));
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                put(meta, k + "_" + i, list.get(i));
            }
            return;
        }
        String text;
        if (value == null) {
            text = "";
        } else if (value instanceof Date date) {
            text = DateTimeFormatter.ISO_INSTANT.format(date.toInstant());
        } else if (value instanceof byte[] bytes) {
            text = new String(bytes, StandardCharsets.UTF_8);
        } else {
            text = value.toString();
        }
        if (!text.isEmpty()) {
            meta.put(k, text);
        }
    }
}
