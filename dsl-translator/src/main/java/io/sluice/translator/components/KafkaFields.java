package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.optional;

import io.sluice.translator.spec.FieldSpec;
import io.sluice.translator.spec.FieldType;

/** The connection fields Bento's kafka input and output share. */
final class KafkaFields {

    private KafkaFields() {
    }

    static FieldSpec tls() {
        return BrokerTls.field("TLS to Kafka arrives with the connectors work");
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
