package io.sluice.runtime;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A test-owned RabbitMQ (Debian's rabbitmq-server) with its own node name, ports, data and log folders, and no
 * plugins. It runs the server script under /usr/lib/rabbitmq/bin: /usr/sbin/rabbitmq-server switches to the
 * rabbitmq user when started as root, and that user cannot write the test's work folder. Ready once a real AMQP
 * connection opens; start-up takes several seconds, so start one per test class.
 */
final class RabbitMqServer implements AutoCloseable {

    private final ServerProcess process;

    private RabbitMqServer(ServerProcess process) {
        this.process = process;
    }

    static RabbitMqServer start() throws Exception {
        ServerProcess process = ServerProcess.start("rabbitmq-server", "/usr/lib/rabbitmq/bin/rabbitmq-server",
                (port, workDir) -> {
                    Path plugins = Files.writeString(workDir.resolve("enabled_plugins"), "[].\n");
                    return new ServerProcess.Command(List.of(), Map.ofEntries(
                            Map.entry("RABBITMQ_NODENAME", "sluice-test-" + port + "@localhost"),
                            Map.entry("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1"),
                            Map.entry("RABBITMQ_NODE_PORT", Integer.toString(port)),
                            Map.entry("RABBITMQ_DIST_PORT", Integer.toString(ServerProcess.freePort())),
                            Map.entry("RABBITMQ_MNESIA_BASE", workDir.resolve("mnesia").toString()),
                            Map.entry("RABBITMQ_LOG_BASE", workDir.resolve("log").toString()),
                            Map.entry("RABBITMQ_PID_FILE", workDir.resolve("pid").toString()),
                            Map.entry("RABBITMQ_PLUGINS_EXPAND_DIR", workDir.resolve("plugins-expand").toString()),
                            Map.entry("RABBITMQ_ENABLED_PLUGINS_FILE", plugins.toString()),
                            // no config files of the machine's own broker
                            Map.entry("RABBITMQ_CONFIG_FILE", workDir.resolve("rabbitmq").toString()),
                            Map.entry("RABBITMQ_ADVANCED_CONFIG_FILE", workDir.resolve("advanced.config").toString())));
                },
                server -> {
                    try (Connection c = factory(server.port()).newConnection()) {
                        return c.isOpen();
                    }
                }, Duration.ofSeconds(90));
        return new RabbitMqServer(process);
    }

    int port() {
        return process.port();
    }

    String url() {
        return "amqp://guest:guest@127.0.0.1:" + port() + "/";
    }

    /** A connection of the test's own, to declare, publish and read with the plain RabbitMQ client. */
    Connection connect() throws Exception {
        return factory(port()).newConnection();
    }

    private static ConnectionFactory factory(int port) {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(port);
        f.setConnectionTimeout(2000);
        return f;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
