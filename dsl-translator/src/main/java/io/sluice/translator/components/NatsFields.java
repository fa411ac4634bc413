package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.object;
import static io.sluice.translator.spec.FieldSpec.optional;
import static io.sluice.translator.spec.FieldSpec.required;

import io.sluice.translator.StreamContext;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.FieldSpec;
import io.sluice.translator.spec.FieldType;
import java.util.List;

/** The connection fields Bento's NATS components share, and the output's headers and metadata fields. */
final class NatsFields {

    private NatsFields() {
    }

    static FieldSpec urls() {
        return required("urls", FieldType.STRING_LIST,
                "NATS servers, e.g. [\"nats://127.0.0.1:4222\"]; nats://user:password@host or nats://token@host authenticates");
    }

    static FieldSpec tls() {
        return TlsField.notYetActedOn("TLS settings are not passed to the NATS client yet");
    }

    static FieldSpec auth() {
        return object("auth", "NKey and JWT authentication",
                optional("nkey_file", FieldType.STRING, "", "file holding an NKey seed"),
                optional("user_credentials_file", FieldType.STRING, "", "file holding a user JWT and NKey seed"),
                optional("user_jwt", FieldType.STRING, "", "user JWT"),
                optional("user_nkey_seed", FieldType.STRING, "", "user NKey seed"))
                .notYetActedOn("NKeys, credentials files and JWTs are not passed to the NATS client yet; "
                        + "user:password@ or token@ in a URL is");
    }

    static FieldSpec extractTracing() {
        return optional("extract_tracing_map", FieldType.STRING, null, "tracing extraction mapping")
                .notYetActedOn("tracing arrives with the observability work");
    }

    static FieldSpec injectTracing() {
        return optional("inject_tracing_map", FieldType.STRING, null, "tracing injection mapping")
                .notYetActedOn("tracing arrives with the observability work");
    }

    static FieldSpec headers() {
        return optional("headers", FieldType.STRING_MAP, java.util.Map.of(),
                "headers added to each message (values may be ${! } interpolations)");
    }

    static FieldSpec metadata() {
        return object("metadata", "which metadata become NATS headers (none unless a prefix or pattern matches)",
                optional("include_prefixes", FieldType.STRING_LIST, List.of(), "metadata key prefixes sent"),
                optional("include_patterns", FieldType.STRING_LIST, List.of(), "metadata key regular expressions sent"));
    }

    static String servers(ComponentConfig config) {
        return String.join(",", config.stringList("urls"));
    }

    static void checkUrls(ComponentConfig config, StreamContext stream) {
        if (config.isSet("urls") && config.stringList("urls").isEmpty()) {
            stream.problem(config.jsonPath("urls"), "at least one NATS URL is required");
        }
    }
}
