package io.sluice.translator.registry;

import io.sluice.translator.spec.ComponentKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** Every component type Sluice can translate, by kind and Bento type name, discovered with ServiceLoader. */
public final class ComponentRegistry {

    /**
     * Bento component types Tyk users may write that Sluice does not translate yet: an error for these says
     * "not supported yet" rather than "unknown", so nobody hunts for a typo that is not there.
     */
    private static final Map<ComponentKind, Set<String>> KNOWN_BENTO_TYPES = Map.of(
            ComponentKind.INPUT, Set.of("amqp_0_9", "amqp_1", "broker", "generate", "http_client", "mqtt", "nats",
                    "nats_jetstream", "websocket", "kafka_franz", "redis_pubsub", "redis_streams", "nsq", "stdin",
                    "file", "socket", "socket_server", "csv", "dynamic", "inproc", "subprocess"),
            ComponentKind.OUTPUT, Set.of("amqp_0_9", "amqp_1", "broker", "http_client", "mqtt", "nats",
                    "nats_jetstream", "websocket", "switch", "sync_response", "reject", "fallback", "retry",
                    "portal_webhook", "kafka_franz", "redis_pubsub", "redis_streams", "stdout", "file", "socket",
                    "inproc", "drop_on"),
            ComponentKind.PROCESSOR, Set.of("archive", "bloblang", "bounds_check", "branch", "cache", "cached", "catch",
                    "command", "compress", "decompress", "dedupe", "for_each", "grok", "group_by", "group_by_value",
                    "http", "insert_part", "jmespath", "jq", "json_schema", "log", "mapping", "metric", "mutation",
                    "noop", "parallel", "parse_log", "processors", "rate_limit", "resource", "retry", "select_parts",
                    "sleep", "split", "subprocess", "switch", "sync_response", "try", "unarchive", "while", "workflow",
                    "avro", "protobuf", "wasm"));

    private final Map<ComponentKind, Map<String, ComponentTranslator>> byKind = new EnumMap<>(ComponentKind.class);

    public ComponentRegistry() {
        for (ComponentKind k : ComponentKind.values()) {
            byKind.put(k, new TreeMap<>());
        }
    }

    /** The registry of every translator on the class path. */
    public static ComponentRegistry discover() {
        return discover(ComponentRegistry.class.getClassLoader());
    }

    public static ComponentRegistry discover(ClassLoader loader) {
        ComponentRegistry r = new ComponentRegistry();
        ServiceLoader.load(InputTranslator.class, loader).forEach(r::register);
        ServiceLoader.load(ProcessorTranslator.class, loader).forEach(r::register);
        ServiceLoader.load(OutputTranslator.class, loader).forEach(r::register);
        return r;
    }

    public ComponentRegistry register(ComponentTranslator translator) {
        ComponentKind kind = translator.spec().kind();
        ComponentTranslator previous = byKind.get(kind).putIfAbsent(translator.spec().type(), translator);
        if (previous != null && previous.getClass() != translator.getClass()) {
            throw new IllegalStateException(kind.label() + " type '" + translator.spec().type()
                    + "' is registered twice: " + previous.getClass().getName() + " and " + translator.getClass().getName());
        }
        return this;
    }

    public ComponentTranslator find(ComponentKind kind, String type) {
        return byKind.get(kind).get(type);
    }

    public Set<String> types(ComponentKind kind) {
        return Collections.unmodifiableSet(byKind.get(kind).keySet());
    }

    public boolean isKnownBentoType(ComponentKind kind, String type) {
        return KNOWN_BENTO_TYPES.get(kind).contains(type);
    }
}
