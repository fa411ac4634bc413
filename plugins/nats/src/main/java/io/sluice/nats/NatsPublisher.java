package io.sluice.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamOptions;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.sluice.translator.SluiceEndpoints;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Publishes each message to the subject it names ({@link SluiceEndpoints#NATS_SUBJECT}, else the endpoint's) and
 * completes it only once the server has it. Core NATS has no acknowledgement: the publish is followed by a flush,
 * a ping the server answers after reading everything sent before it. JetStream answers with a PubAck once the
 * stream stored the message; no stream for the subject, or no answer in time, fails the message.
 */
final class NatsPublisher extends DefaultAsyncProducer {

    private Connection connection;
    private JetStream jetStream;

    NatsPublisher(NatsEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public NatsEndpoint getEndpoint() {
        return (NatsEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = getEndpoint().connect();
        if (getEndpoint().isJetStream()) {
            jetStream = connection.jetStream(JetStreamOptions.builder().requestTimeout(getEndpoint().timeout()).build());
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            if (connection.getStatus() != Connection.Status.CONNECTED) {
                throw new ConnectException("not connected to NATS (" + connection.getStatus() + ")");
            }
            Message message = message(exchange);
            if (jetStream == null) {
                connection.publish(message);
                connection.flush(getEndpoint().timeout());
            } else {
                jetStream.publishAsync(message)
                        .orTimeout(getEndpoint().getTimeoutMillis(), TimeUnit.MILLISECONDS)
                        .whenComplete((ack, failure) -> {
                            if (failure != null) {
                                exchange.setException(failure instanceof CompletionException && failure.getCause() != null
                                        ? failure.getCause() : failure);
                            }
                            callback.done(false);
                        });
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.setException(e);
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    private Message message(Exchange exchange) {
        org.apache.camel.Message in = exchange.getMessage();
        String subject = in.getHeader(SluiceEndpoints.NATS_SUBJECT, getEndpoint().getSubject(), String.class);
        Headers headers = new Headers();
        if (in.getHeader(SluiceEndpoints.NATS_HEADERS) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> headers.add(String.valueOf(k), String.valueOf(v)));
        }
        byte[] body = in.getBody(byte[].class);
        return NatsMessage.builder().subject(subject).headers(headers).data(body == null ? new byte[0] : body).build();
    }
}
