package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.object;
import static io.sluice.translator.spec.FieldSpec.optional;
import static io.sluice.translator.spec.FieldSpec.required;

import io.sluice.translator.EndpointUri;
import io.sluice.translator.StreamContext;
import io.sluice.translator.kafka.KafkaMetadata;
import org.apache.camel.model.RouteDefinition;
import io.sluice.translator.registry.InputTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ComponentSpec;
import io.sluice.translator.spec.FieldType;

/**
 * Bento's {@code kafka} input as camel-kafka's consumer. At-least-once: a record's offset is committed only
 * after the stream's output accepted it; when the output fails, the consumer stops at that record and reads it
 * again from the last committed offset (camel-kafka's commit manager with {@code breakOnFirstError}).
 */
public final class KafkaInput implements InputTranslator {

    private static final ComponentSpec SPEC = ComponentSpec.of("kafka", ComponentKind.INPUT,
            "Consumes records from Kafka topics in a consumer group.",
            required("addresses", FieldType.STRING_LIST, "broker addresses, e.g. [\"localhost:9092\"]"),
            required("topics", FieldType.STRING_LIST, "topics to consume"),
            optional("target_version", FieldType.STRING, null, "Kafka protocol version")
                    .notYetActedOn("the Java client negotiates the protocol version itself"),
            KafkaFields.tls(),
            KafkaFields.sasl(),
            optional("consumer_group", FieldType.STRING, "", "consumer group (required for balanced topics)"),
            optional("client_id", FieldType.STRING, "bento", "client id"),
            optional("rack_id", FieldType.STRING, "", "rack id").notYetActedOn("rack-aware fetching is not configured"),
            optional("instance_id", FieldType.STRING, "", "static group membership id")
                    .notYetActedOn("static group membership is not configured"),
            optional("start_from_oldest", FieldType.BOOL, true, "start from the oldest offset when the group has none"),
            optional("checkpoint_limit", FieldType.INT, 1024, "max messages of one partition in flight"),
            optional("auto_replay_nacks", FieldType.BOOL, true, "redeliver messages the output rejected")
                    .notYetActedOn("rejected messages are always redelivered (at-least-once)"),
            optional("commit_period", FieldType.DURATION, "1s", "offset commit period")
                    .notYetActedOn("offsets are committed after each poll's messages were accepted"),
            optional("max_processing_period", FieldType.DURATION, "100ms", "max processing time before rebalance")
                    .notYetActedOn("the Java client's max.poll.interval.ms applies"),
            optional("extract_tracing_map", FieldType.STRING, null, "tracing extraction mapping")
                    .notYetActedOn("tracing arrives with the observability work"),
            optional("new_root_span_with_link", FieldType.BOOL, null, "tracing root span")
                    .notYetActedOn("tracing arrives with the observability work"),
            object("group", "consumer group timings",
                    optional("session_timeout", FieldType.DURATION, "10s", "session timeout"),
                    optional("heartbeat_interval", FieldType.DURATION, "3s", "heartbeat interval"),
                    optional("rebalance_timeout", FieldType.DURATION, "60s", "rebalance timeout")),
            optional("fetch_buffer_cap", FieldType.INT, 256, "fetch buffer").notYetActedOn("the Java client buffers by bytes"),
            optional("multi_header", FieldType.BOOL, false, "headers as lists").notYetActedOn("headers are single strings"),
            optional("debug", FieldType.BOOL, false, "client debug logging").notYetActedOn("set the log level instead"),
            KafkaFields.batching());

    @Override
    public ComponentSpec spec() {
        return SPEC;
    }

    @Override
    public void check(ComponentConfig config, StreamContext stream) {
        for (String topic : config.stringList("topics")) {
            if (topic.contains(":")) {
                stream.problem(config.jsonPath("topics"), "explicit partitions ('" + topic
                        + "') are not supported yet; consume the whole topic with a consumer_group");
            }
        }
        if (config.isSet("topics") && config.stringList("topics").isEmpty()) {
            stream.problem(config.jsonPath("topics"), "at least one topic is required");
        }
        if (config.string("consumer_group").isEmpty()) {
            stream.problem(config.jsonPath("consumer_group"),
                    "a consumer group must be specified when consuming balanced topics (as in Bento)");
        }
    }

    @Override
    public void afterConsume(RouteDefinition route, ComponentConfig config, StreamContext stream) {
        route.process(new KafkaMetadata()).id(stream.routeId("input.metadata"));
    }

    @Override
    public String endpointUri(ComponentConfig config, StreamContext stream) {
        ComponentConfig group = config.object("group");
        return EndpointUri.of("kafka", String.join(",", config.stringList("topics")))
                .option("brokers", String.join(",", config.stringList("addresses")))
                .option("groupId", config.string("consumer_group"))
                .option("clientId", config.string("client_id"))
                .option("autoOffsetReset", config.bool("start_from_oldest") ? "earliest" : "latest")
                .option("valueDeserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer")
                .option("maxPollRecords", Math.max(1, Math.min(500, config.integer("checkpoint_limit"))))
                .option("sessionTimeoutMs", group.duration("session_timeout").toMillis())
                .option("heartbeatIntervalMs", group.duration("heartbeat_interval").toMillis())
                // Commit only what the output accepted; on failure stop at that record and read it again. Commits are
                // asynchronous: a lost commit only means a redelivery, and a synchronous one per poll costs latency.
                .option("autoCommitEnable", false)
                .option("allowManualCommit", true)
                .option("kafkaManualCommitFactory",
                        "#class:org.apache.camel.component.kafka.consumer.DefaultKafkaManualAsyncCommitFactory")
                .option("breakOnFirstError", true)
                .toString();
    }
}
