package io.sluice.bench.gateway;

import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaEndpoint;

/**
 * The exact client properties Sluice's deployed Kafka endpoints hand to their KafkaProducer / KafkaConsumer.
 * The baselines reuse them, so a ratio compares the gateway path and not two differently tuned clients.
 */
final class SluiceKafkaSettings {

    private SluiceKafkaSettings() {
    }

    static Properties producer(CamelContext camel, String topic, String clientId) {
        Properties p = withBrokers(endpoint(camel, topic));
        p.putAll(endpoint(camel, topic).getConfiguration().createProducerProperties());
        p.put("client.id", clientId); // a second producer with Sluice's id would clash on its JMX name
        return p;
    }

    static Properties consumer(CamelContext camel, String topic, String groupId, String clientId) {
        Properties p = withBrokers(endpoint(camel, topic));
        p.putAll(endpoint(camel, topic).getConfiguration().createConsumerProperties());
        p.put("group.id", groupId);
        p.put("client.id", clientId);
        return p;
    }

    /** Sluice's settings as one line, so the report shows what both sides ran with. */
    static String summary(Properties p, String... keys) {
        StringBuilder s = new StringBuilder();
        for (String k : keys) {
            if (s.length() > 0) {
                s.append(", ");
            }
            Object v = p.get(k); // values are not all Strings, so not getProperty
            s.append(k).append('=').append(v == null ? "(default)" : v);
        }
        return s.toString();
    }

    /** camel-kafka adds the brokers itself when it makes its client; they are not among the properties. */
    private static Properties withBrokers(KafkaEndpoint endpoint) {
        Properties p = new Properties();
        p.put("bootstrap.servers", endpoint.getConfiguration().getBrokers());
        return p;
    }

    private static KafkaEndpoint endpoint(CamelContext camel, String topic) {
        return camel.getEndpoints().stream()
                .filter(e -> e instanceof KafkaEndpoint k && topic.equals(k.getConfiguration().getTopic()))
                .map(KafkaEndpoint.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Sluice has no Kafka endpoint for topic " + topic));
    }
}
