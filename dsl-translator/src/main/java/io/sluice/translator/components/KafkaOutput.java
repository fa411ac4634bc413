package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.object;
import static io.sluice.translator.spec.FieldSpec.optional;
import static io.sluice.translator.spec.FieldSpec.required;

import io.sluice.translator.EndpointUri;
import io.sluice.translator.StreamContext;
import io.sluice.translator.kafka.Fnv1aPartitioner;
import io.sluice.translator.kafka.InlineExecutorService;
import io.sluice.translator.registry.OutputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.camel.Expression;
import org.apache.camel.model.ProcessorDefinition;

/**
 * Bento's {@code kafka} output as camel-kafka's asynchronous producer: the exchange completes on the broker's
 * acknowledgement ({@code acks=1}, or {@code all} with {@code ack_replicas}). The producer's own deadlines are
 * derived from the stream's time budget so that an unreachable broker fails the message (503 to an HTTP
 * producer) before the client's timeout (408) would.
 */
public final class KafkaOutput implements OutputTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("kafka", ComponentKind.OUTPUT,
            "Writes messages to a Kafka topic and acknowledges them once the broker did.",
            required("addresses", FieldType.STRING_LIST, "broker addresses, e.g. [\"localhost:9092\"]"),
            KafkaFields.tls(),
            KafkaFields.sasl(),
            required("topic", FieldType.STRING, "topic to write to"),
            optional("client_id", FieldType.STRING, "bento", "client id"),
            optional("target_version", FieldType.STRING, null, "Kafka protocol version")
                    .notYetActedOn("the Java client negotiates the protocol version itself"),
            optional("rack_id", FieldType.STRING, "", "rack id").notYetActedOn("rack awareness is not configured"),
            optional("key", FieldType.STRING, "", "message key"),
            optional("partitioner", FieldType.STRING, "fnv1a_hash", "fnv1a_hash, murmur2_hash, random, round_robin or manual"),
            optional("partition", FieldType.STRING, "", "partition, with the manual partitioner"),
            optional("custom_topic_creation", FieldType.OBJECT, null, "topic creation settings")
                    .notYetActedOn("topics are created by the broker's auto-creation"),
            optional("compression", FieldType.STRING, "none", "none, snappy, lz4, gzip or zstd"),
            optional("static_headers", FieldType.STRING_MAP, null, "headers added to every message")
                    .notYetActedOn("arrives with the connectors work"),
            object("metadata", "which metadata become Kafka headers",
                    optional("exclude_prefixes", FieldType.STRING_LIST, java.util.List.of(), "metadata key prefixes not sent")),
            optional("inject_tracing_map", FieldType.STRING, null, "tracing injection mapping")
                    .notYetActedOn("tracing arrives with the observability work"),
            optional("max_in_flight", FieldType.INT, 64, "messages written in parallel"),
            optional("idempotent_write", FieldType.BOOL, false, "idempotent producer (needs ack_replicas)"),
            optional("ack_replicas", FieldType.BOOL, false, "wait for all in-sync replicas (acks=all)"),
            optional("max_msg_bytes", FieldType.INT, 1_000_000, "largest message"),
            optional("timeout", FieldType.DURATION, "5s", "how long a write may take"),
            optional("retry_as_batch", FieldType.BOOL, false, "retry the whole batch")
                    .notYetActedOn("messages are written one by one"),
            KafkaFields.batching(),
            optional("max_retries", FieldType.INT, 0, "retries").notYetActedOn("the producer retries within its timeout"),
            optional("backoff", FieldType.OBJECT, null, "retry backoff")
                    .notYetActedOn("the producer retries within its timeout"));

    /** camel-kafka's headers for a per-message topic and key (KafkaConstants, named here to avoid the dependency). */
    private static final String OVERRIDE_TOPIC = "kafka.OVERRIDE_TOPIC";
    private static final String KEY = "kafka.KEY";

    private static final Set<String> PARTITIONERS = Set.of("fnv1a_hash", "murmur2_hash", "random", "round_robin", "manual");

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        HttpServerOutput.oneOf(config, "partitioner", PARTITIONERS, stream);
        HttpServerOutput.oneOf(config, "compression", Set.of("none", "snappy", "lz4", "gzip", "zstd"), stream);
        if ("manual".equals(config.string("partitioner"))) {
            stream.problem(config.jsonPath("partitioner"), "the manual partitioner is not supported yet");
        }
        for (String f : new String[] {"topic", "key"}) {
            Mappings.interpolation(config, f, stream);
        }
        if (config.integer("max_in_flight") < 1) {
            stream.problem(config.jsonPath("max_in_flight"), "max_in_flight must be at least 1");
        }
        if (config.bool("idempotent_write") && !config.bool("ack_replicas")) {
            stream.problem(config.jsonPath("idempotent_write"), "idempotent_write needs ack_replicas: true (acks=all)");
        }
    }

    @Override
    public void appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream) {
        Duration budget = config.duration("timeout");
        if (stream.requestTimeout() != null && stream.requestTimeout().compareTo(budget) < 0) {
            budget = stream.requestTimeout();
        }
        long ms = Math.max(budget.toMillis(), 500);
        boolean idempotent = config.bool("idempotent_write");
        String topic = config.string("topic");
        Expression topicPerMessage = Mappings.interpolation(config, "topic", stream);
        if (topicPerMessage != null) {
            // camel-kafka needs a topic in the URI; the header set per message overrides it.
            route.setHeader(OVERRIDE_TOPIC, topicPerMessage);
            topic = "sluice-interpolated-topic";
        }
        Expression keyPerMessage = Mappings.interpolation(config, "key", stream);
        if (keyPerMessage != null) {
            // Bento sends no key (random partition) when the key renders empty.
            route.process(exchange -> {
                String k = keyPerMessage.evaluate(exchange, String.class);
                if (k != null && !k.isEmpty()) {
                    exchange.getMessage().setHeader(KEY, k);
                }
            });
        }
        List<String> excluded = config.object("metadata").stringListRaw("exclude_prefixes");
        if (!excluded.isEmpty()) {
            // As Bento: every metadata key becomes a Kafka header unless a prefix excludes it ("" excludes all).
            route.process(exchange -> exchange.getMessage().getHeaders().keySet()
                    .removeIf(k -> !k.startsWith("kafka.") && excluded.stream().anyMatch(k::startsWith)));
        }
        EndpointUri uri = EndpointUri.of("kafka", topic)
                .option("brokers", String.join(",", config.stringList("addresses")))
                .option("clientId", config.string("client_id"))
                .option("valueSerializer", "org.apache.kafka.common.serialization.ByteArraySerializer")
                .option("requestRequiredAcks", config.bool("ack_replicas") ? "all" : "1")
                // Kafka refuses idempotence with acks=1 or more than 5 requests in flight.
                .option("enableIdempotence", idempotent)
                .option("maxInFlightRequest", idempotent ? Math.min(5, config.integer("max_in_flight"))
                        : config.integer("max_in_flight"))
                .option("maxRequestSize", config.integer("max_msg_bytes"))
                .option("compressionCodec", config.string("compression"))
                // Fail inside the budget: metadata wait and delivery end before the client's own timeout fires.
                .option("maxBlockMs", ms * 6 / 10)
                .option("requestTimeoutMs", ms * 6 / 10)
                .option("deliveryTimeoutMs", ms * 8 / 10)
                // Kafka 4.0's default (KIP-1030): under load, batching for up to 5 ms doubles throughput here
                // (bench/RESULTS.md); Bento's own batching fields are not acted on yet.
                .option("lingerMs", 5)
                .option("workerPool", "#class:" + InlineExecutorService.class.getName());
        String key = config.string("key");
        if (keyPerMessage == null && key != null && !key.isEmpty()) {
            uri.option("key", key);
        }
        String partitioner = partitionerClass(config.string("partitioner"));
        if (partitioner != null) {
            uri.option("partitioner", partitioner);
        }
        route.to(uri.toString()).id(stream.routeId("output"));
    }

    private static String partitionerClass(String name) {
        return switch (name) {
            case "fnv1a_hash" -> Fnv1aPartitioner.class.getName();
            case "round_robin" -> "org.apache.kafka.clients.producer.RoundRobinPartitioner";
            // Kafka's built-in partitioner is murmur2 for keyed records, as Bento's murmur2_hash
            default -> null;
        };
    }
}
