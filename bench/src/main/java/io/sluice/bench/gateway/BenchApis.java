package io.sluice.bench.gateway;

import java.nio.charset.StandardCharsets;

/** The two Tyk OAS stream APIs under test, in the shape Tyk's docs use (a producer and a consumer). */
final class BenchApis {

    static final String PRODUCER_API = "bench-chat";
    static final String PRODUCER_PATH = "/" + PRODUCER_API + "/chat";
    static final String CONSUMER_API = "bench-discuss";
    static final String CONSUMER_PATH = "/" + CONSUMER_API + "/sse";

    private BenchApis() {
    }

    /** POST {@code /bench-chat/chat} → Kafka; max_in_flight 64 is Bento's default. */
    static byte[] producer(String brokers, String topic) {
        String input = "{\"http_server\":{\"address\":\"\",\"allowed_verbs\":[\"POST\"],\"path\":\"/chat\","
                + "\"rate_limit\":\"\",\"timeout\":\"5s\"}}";
        String output = "{\"kafka\":{\"addresses\":[\"" + brokers + "\"],\"topic\":\"" + topic
                + "\",\"max_in_flight\":64}}";
        return api(PRODUCER_API, input, output);
    }

    /** Kafka → SSE on {@code /bench-discuss/sse}: each message to one connected client, in turn (Tyk semantics). */
    static byte[] consumer(String brokers, String topic, String group) {
        String input = "{\"kafka\":{\"addresses\":[\"" + brokers + "\"],\"topics\":[\"" + topic + "\"],"
                + "\"consumer_group\":\"" + group + "\",\"auto_replay_nacks\":true,\"checkpoint_limit\":1024,"
                + "\"target_version\":\"3.3.0\"}}";
        String output = "{\"http_server\":{\"address\":\"\",\"allowed_verbs\":[\"GET\"],\"stream_path\":\"/sse\","
                + "\"stream_format\":\"event_source\"}}";
        return api(CONSUMER_API, input, output);
    }

    private static byte[] api(String name, String input, String output) {
        String json = """
                {"components":{},"info":{"title":"%1$s","version":"1.0.0"},"openapi":"3.0.3","paths":{},
                 "x-tyk-api-gateway":{"info":{"name":"%1$s","state":{"active":true}},
                   "server":{"listenPath":{"value":"/%1$s/","strip":true}},"upstream":{"url":""}},
                 "x-tyk-streaming":{"streams":{"default_stream":{"input":%2$s,"output":%3$s}}}}
                """.formatted(name, input, output);
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
