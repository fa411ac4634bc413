package io.sluice.translator.components;

import static io.sluice.translator.spec.FieldSpec.object;
import static io.sluice.translator.spec.FieldSpec.optional;

import io.sluice.translator.spec.FieldSpec;
import io.sluice.translator.spec.FieldType;
import java.util.List;

/** Bento's {@code tls} object, the same for every broker component; no client is given these settings yet. */
final class BrokerTls {

    private BrokerTls() {
    }

    /** @param why the startup warning's reason when a definition sets it */
    static FieldSpec field(String why) {
        return object("tls", "TLS to the brokers",
                optional("enabled", FieldType.BOOL, false, "use TLS"),
                optional("skip_cert_verify", FieldType.BOOL, false, "skip certificate checks"),
                optional("enable_renegotiation", FieldType.BOOL, false, "allow renegotiation"),
                optional("root_cas", FieldType.STRING, "", "root CAs (PEM)"),
                optional("root_cas_file", FieldType.STRING, "", "root CAs file"),
                optional("client_certs", FieldType.LIST, List.of(), "client certificates"))
                .notYetActedOn(why);
    }
}
