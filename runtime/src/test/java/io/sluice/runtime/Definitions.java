package io.sluice.runtime;

import java.nio.charset.StandardCharsets;

/** Tyk OAS API definitions for tests, in the shape the Tyk docs use. */
final class Definitions {

    private Definitions() {
    }

    /** An API named {@code name} at {@code /<name>/} whose one stream has the given input and output JSON. */
    static byte[] streamApi(String name, String input, String output) {
        return streamApi(name, "{\"default_stream\":{\"input\":" + input + ",\"output\":" + output + "}}");
    }

    static byte[] streamApi(String name, String streamsJson) {
        String json = """
                {"components":{},"info":{"title":"%1$s","version":"1.0.0"},"openapi":"3.0.3","paths":{},
                 "x-tyk-api-gateway":{"info":{"name":"%1$s","state":{"active":true}},
                   "server":{"listenPath":{"value":"/%1$s/","strip":true}},"upstream":{"url":""}},
                 "x-tyk-streaming":{"streams":%2$s}}
                """.formatted(name, streamsJson);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An API named {@code name} at {@code /<name>/} that wants Tyk's auth token in the Authorization header, with a
     * stream whose http_server input is {@code /in} (200 once taken) and whose output drops everything.
     */
    static byte[] keyedApi(String name) {
        String json = """
                {"openapi":"3.0.3","info":{"title":"%1$s","version":"1"},"paths":{},
                 "components":{"securitySchemes":{"t":{"type":"apiKey","in":"header","name":"Authorization"}}},
                 "security":[{"t":[]}],
                 "x-tyk-api-gateway":{"info":{"id":"%1$s","name":"%1$s","state":{"active":true}},
                   "server":{"authentication":{"enabled":true,"securitySchemes":{"t":{"enabled":true}}},
                     "listenPath":{"value":"/%1$s/","strip":true}},"upstream":{"url":""}},
                 "x-tyk-streaming":{"streams":{"in":{"input":{"http_server":{"path":"/in"}},"output":{"drop":{}}}}}}
                """.formatted(name);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static String kafkaIn(String brokers, String topic, String group) {
        return "{\"kafka\":{\"addresses\":[\"" + brokers + "\"],\"topics\":[\"" + topic + "\"],\"consumer_group\":\""
                + group + "\",\"auto_replay_nacks\":true,\"checkpoint_limit\":1024,\"target_version\":\"3.3.0\"}}";
    }

    static String kafkaOut(String brokers, String topic) {
        return "{\"kafka\":{\"addresses\":[\"" + brokers + "\"],\"topic\":\"" + topic + "\",\"max_in_flight\":10}}";
    }

    static String httpIn(String path, String timeout) {
        return "{\"http_server\":{\"address\":\"\",\"allowed_verbs\":[\"POST\"],\"path\":\"" + path
                + "\",\"rate_limit\":\"\",\"timeout\":\"" + timeout + "\"}}";
    }

    static String httpOut(String extraFields) {
        return "{\"http_server\":{\"address\":\"\",\"allowed_verbs\":[\"GET\"]" + (extraFields.isEmpty() ? "" : "," + extraFields)
                + "}}";
    }
}
