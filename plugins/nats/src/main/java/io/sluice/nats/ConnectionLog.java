package io.sluice.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's story in Sluice's log, instead of the client's own java.util.logging lines: losing and regaining
 * the server once each, server errors (authorization, permissions) as warnings, and the socket errors that come
 * with every reconnect attempt at debug level only.
 */
final class ConnectionLog implements ErrorListener, ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLog.class);

    private final String servers;
    private final AtomicBoolean lost = new AtomicBoolean();

    ConnectionLog(String servers) {
        // user:password@ or token@ stays out of the log
        this.servers = servers.replaceAll("//[^/@,]*@", "//");
    }

    @Override
    public void connectionEvent(Connection conn, Events type) {
        switch (type) {
            case DISCONNECTED -> {
                if (lost.compareAndSet(false, true)) {
                    LOG.warn("NATS connection to {} lost; reconnecting", servers);
                }
            }
            case RECONNECTED -> {
                lost.set(false);
                LOG.info("NATS connection to {} back", servers);
            }
            default -> LOG.debug("NATS connection to {}: {}", servers, type);
        }
    }

    @Override
    public void errorOccurred(Connection conn, String error) {
        LOG.warn("NATS server {} reports: {}", servers, error);
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
        LOG.debug("NATS connection to {}: {}", servers, exp.toString());
    }

    @Override
    public void slowConsumerDetected(Connection conn, Consumer consumer) {
        LOG.warn("NATS connection to {}: a subscription falls behind and the client drops its messages", servers);
    }
}
