package io.sluice.runtime.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker inside this JVM, for the demo ({@code --embedded-kafka})
 * and for tests that need to take Kafka down and bring it back.
 *
 * <p>It runs the broker's own KRaft server ({@link KafkaRaftServer}) as a combined
 * broker+controller (node 1), with every replication factor at 1, listening on 127.0.0.1.
 * Data lives in a fresh temp directory that {@link #stop()} keeps (so {@link #restart()}
 * comes back with the same topics, records and committed offsets) and {@link #close()} deletes.
 *
 * <p>Caveat: Kafka's own fatal-fault handler halts the process on unrecoverable errors
 * (e.g. a disk failure in the log dir). That is acceptable for a dev broker, not for production.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    static {
        // slf4j-simple reads per-logger levels from system properties when each logger is created,
        // so this must happen before the first Kafka class logs. Respect anything set explicitly.
        for (String logger : List.of("kafka", "org.apache.kafka", "state.change.logger", "org.apache.zookeeper")) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "warn");
            }
        }
        // A fresh dev cluster always "activates" its controller with a WARN; nothing for a user to act on.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.controller.QuorumController",
                System.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka.controller.QuorumController", "error"));
    }

    private final int port;
    private final Path dataDir;
    private int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafka(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Formats a fresh log folder and starts the broker; returns once it answers clients.
     *
     * @param port the client port on 127.0.0.1, or 0 to pick a free one (see {@link #port()})
     * @throws IllegalStateException if the port is already in use or the broker fails to start
     */
    public static EmbeddedKafka start(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Invalid Kafka port " + port);
        }
        // We choose the port ourselves (instead of letting Kafka bind 0) because it must be
        // written into advertised.listeners and must stay the same across restart().
        int clientPort = port == 0 ? freePort() : requireFree(port);
        Path dir;
        try {
            dir = Files.createTempDirectory("sluice-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temp directory for embedded Kafka", e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(clientPort, dir);
        try {
            kafka.controllerPort = freePort();
            kafka.format();
            kafka.startServer();
            return kafka;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:PORT}, ready for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The actual client port (the one picked when {@code start(0)} was used). */
    public int port() {
        return port;
    }

    /** The log folder (kept by {@link #stop()}, deleted by {@link #close()}). */
    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Creates a topic with replication factor 1 (no-op if it already exists) and waits until
     * every partition has a leader, so producers can use it straight away.
     */
    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            try {
                admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                        .all().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Cannot create Kafka topic " + name, e.getCause());
                }
            }
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (!allPartitionsLed(admin, name)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka topic " + name + " has no leader after " + READY_TIMEOUT);
                }
                TimeUnit.MILLISECONDS.sleep(20); // leaders appear within a few ms of the create
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topic " + name, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Timed out creating Kafka topic " + name, e);
        }
    }

    /** Shuts the broker down and closes its ports; the data stays for {@link #restart()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer s = server;
        server = null;
        s.shutdown();
        s.awaitShutdown();
    }

    /** Starts the broker again on the same port with the same data. */
    public synchronized void restart() {
        if (server != null) {
            return;
        }
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalStateException("Embedded Kafka was closed; its data in " + dataDir + " is gone");
        }
        requireFree(port);
        // Static quorum (kraft.version 0): the controller address lives only in config, so a
        // different controller port is fine if the old one has been taken meanwhile.
        if (!isFree(controllerPort)) {
            controllerPort = freePort();
        }
        startServer();
    }

    /** Stops the broker and deletes its data. */
    @Override
    public synchronized void close() {
        try {
            stop();
        } finally {
            deleteRecursively(dataDir);
        }
    }

    // ---------------------------------------------------------------------------------------

    private Properties brokerConfig() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir());

        // One node: nothing can have more than one replica.
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        // Few internal partitions: creating 50 of each on first use costs seconds.
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "1");

        // Dev speed: no 3 s wait before the first group rebalance, quick unfencing.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("auto.leader.rebalance.enable", "false");

        // Low footprint: small segments/indexes, few threads, a small log-cleaner buffer
        // (the default allocates 128 MiB up front).
        p.put("log.segment.bytes", String.valueOf(8 * 1024 * 1024));
        p.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("num.replica.fetchers", "1");
        return p;
    }

    private String logDir() {
        return dataDir.resolve("log").toString();
    }

    /**
     * Writes meta.properties and the bootstrap metadata, exactly as {@code kafka-storage.sh format}.
     * We go through StorageTool (in kafka_2.13) rather than the Formatter class it wraps because
     * Formatter lives in kafka-metadata, which kafka_2.13 only pulls in at runtime scope.
     */
    private void format() {
        Path configFile = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(configFile)) {
            brokerConfig().store(out, "embedded Kafka (Sluice)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + configFile, e);
        }
        String[] args = {"format", "--config", configFile.toString(),
                "--cluster-id", Uuid.randomUuid().toString()};
        int rc;
        try {
            rc = StorageTool.execute(args, new PrintStream(OutputStream.nullOutputStream())); // it chats on stdout
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot format the embedded Kafka log folder " + logDir(), e);
        }
        if (rc != 0) {
            throw new IllegalStateException("Formatting the embedded Kafka log folder " + logDir() + " failed (rc " + rc + ")");
        }
    }

    private synchronized void startServer() {
        KafkaRaftServer s = new KafkaRaftServer(new KafkaConfig(brokerConfig(), false), Time.SYSTEM);
        try {
            s.startup(); // returns once the broker is registered and unfenced
            awaitClients();
        } catch (RuntimeException e) {
            try {
                s.shutdown();
                s.awaitShutdown();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (isBindFailure(e)) {
                throw new IllegalStateException("Cannot start embedded Kafka: port " + port
                        + " (or controller port " + controllerPort + ") on " + HOST + " is already in use", e);
            }
            throw new IllegalStateException("Embedded Kafka on port " + port + " failed to start", e);
        }
        server = s;
    }

    /** The real readiness test: a client can bootstrap and sees our node. */
    private void awaitClients() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    last = e;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for embedded Kafka", e);
        }
        throw new IllegalStateException("Embedded Kafka on " + bootstrapServers()
                + " did not accept clients within " + READY_TIMEOUT, last);
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    private static boolean allPartitionsLed(Admin admin, String topic) throws InterruptedException {
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(topic);
            return d != null && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false; // metadata not propagated yet
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException
                    || (t.getMessage() != null && t.getMessage().contains("failed to bind"))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on " + HOST, e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(HOST, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int requireFree(int port) {
        if (!isFree(port)) {
            throw new IllegalStateException("Cannot start embedded Kafka: port " + port + " on " + HOST
                    + " is already in use");
        }
        return port;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete embedded Kafka data in " + dir, e);
        }
    }
}
