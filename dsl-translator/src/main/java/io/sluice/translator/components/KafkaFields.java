package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.object;
import static io.sluice.translator.spec.FieldSpec.optional;

import io.sluice.translator.spec.FieldSpec;
import io.sluice.translator.spec.FieldType;
import java.util.List;

/** The connection fields Bento's kafka input and output share. */
final class KafkaFields {

    private KafkaFields() {
    }

    static FieldSpec tls() {
        return object("tls", "TLS to the brokers",
                optional("enabled", FieldType.BOOL, false, "use TLS"),
                optional("skip_cert_verify", FieldType.BOOL, false, "skip certificate checks"),
                optional("enable_renegotiation", FieldType.BOOL, false, "allow renegotiation"),
                optional("root_cas", FieldType.STRING, "", "root CAs (PEM)"),
                optional("root_cas_file", FieldType.STRING, "", "root CAs file"),
                optional("client_certs", FieldType.LIST, List.of(), "client certificates"))
                .notYetActedOn("TLS to Kafka arrives with the connectors work");
    }

    static FieldSpec sasl() {
        return optional("sasl", FieldType.OBJECT, null, "SASL authentication")
                .notYetActedOn("SASL to Kafka arrives with the connectors work");
    }

    static FieldSpec batching() {
        return optional("batching", FieldType.OBJECT, null, "batch policy")
                .notYetActedOn("messages are handled one by one");
    }
}
