package io.sluice.nats;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * {@code sluice-nats:<label>?servers=..&subject=..}: one NATS subject on a list of servers. As a producer it
 * publishes (core NATS, or JetStream with {@code jetStream=true}); as a consumer it reads JetStream only (core NATS
 * input is camel-nats'). Options mirror Bento's fields; the translator fills them from the spec.
 */
public class NatsEndpoint extends DefaultEndpoint {

    private String subject;
    private String servers;
    private boolean jetStream;
    private String queue;
    private String durable;
    private String stream;
    private boolean bind;
    private String deliver = "all";
    private long ackWaitMillis = 30_000;
    private long maxAckPending = 1024;
    private long nakDelayMillis = 1000;
    private long timeoutMillis = 5000;

    /** The URI's path is only a label (the subject, a stream...); the subject is the {@code subject} option. */
    NatsEndpoint(String uri, NatsComponent component) {
        super(uri, component);
    }

    @Override
    public Producer createProducer() {
        return new NatsPublisher(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!jetStream) {
            throw new IllegalArgumentException("sluice-nats consumes JetStream only (jetStream=true); "
                    + "core NATS is consumed with camel-nats");
        }
        JetStreamConsumer consumer = new JetStreamConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * A new connection to the servers. It reconnects forever once up, and keeps no reconnect buffer: a message
     * published while the server is away fails at once instead of being sent later to a producer told it failed.
     */
    Connection connect() throws IOException, InterruptedException {
        ConnectionLog log = new ConnectionLog(servers);
        Options options = new Options.Builder()
                .servers(Arrays.stream(servers.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .toArray(String[]::new))
                .connectionName("sluice")
                .maxReconnects(-1)
                .reconnectBufferSize(0)
                .errorListener(log)
                .connectionListener(log)
                .build();
        return Nats.connect(options);
    }

    Duration timeout() {
        return Duration.ofMillis(timeoutMillis);
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getServers() {
        return servers;
    }

    public void setServers(String servers) {
        this.servers = servers;
    }

    public boolean isJetStream() {
        return jetStream;
    }

    public void setJetStream(boolean jetStream) {
        this.jetStream = jetStream;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public String getDurable() {
        return durable;
    }

    public void setDurable(String durable) {
        this.durable = durable;
    }

    public String getStream() {
        return stream;
    }

    public void setStream(String stream) {
        this.stream = stream;
    }

    public boolean isBind() {
        return bind;
    }

    public void setBind(boolean bind) {
        this.bind = bind;
    }

    public String getDeliver() {
        return deliver;
    }

    public void setDeliver(String deliver) {
        this.deliver = deliver;
    }

    public long getAckWaitMillis() {
        return ackWaitMillis;
    }

    public void setAckWaitMillis(long ackWaitMillis) {
        this.ackWaitMillis = ackWaitMillis;
    }

    public long getMaxAckPending() {
        return maxAckPending;
    }

    public void setMaxAckPending(long maxAckPending) {
        this.maxAckPending = maxAckPending;
    }

    public long getNakDelayMillis() {
        return nakDelayMillis;
    }

    public void setNakDelayMillis(long nakDelayMillis) {
        this.nakDelayMillis = nakDelayMillis;
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    public void setTimeoutMillis(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }
}
