package io.sluice.nats;

import io.nats.client.Message;
import io.nats.client.impl.NatsJetStreamMetaData;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Bento's metadata for a JetStream message: its subject, sequences, counts, domain, time and NATS headers. */
final class JetStreamMetadata {

    private JetStreamMetadata() {
    }

    static void copy(Message message, org.apache.camel.Message to) {
        if (message.hasHeaders()) {
            for (Map.Entry<String, List<String>> h : message.getHeaders().entrySet()) {
                // Bento keeps each header's first value, and only a non-empty one
                if (!h.getValue().isEmpty() && !h.getValue().get(0).isEmpty()) {
                    to.setHeader(h.getKey(), h.getValue().get(0));
                }
            }
        }
        to.setHeader("nats_subject", message.getSubject());
        NatsJetStreamMetaData meta = message.metaData();
        to.setHeader("nats_sequence_stream", Long.toString(meta.streamSequence()));
        to.setHeader("nats_sequence_consumer", Long.toString(meta.consumerSequence()));
        to.setHeader("nats_num_delivered", Long.toString(meta.deliveredCount()));
        to.setHeader("nats_num_pending", Long.toString(meta.pendingCount()));
        to.setHeader("nats_domain", meta.getDomain() == null ? "" : meta.getDomain());
        Instant at = meta.timestamp().toInstant();
        to.setHeader("nats_timestamp_unix_nano", Long.toString(at.getEpochSecond() * 1_000_000_000L + at.getNano()));
    }
}
