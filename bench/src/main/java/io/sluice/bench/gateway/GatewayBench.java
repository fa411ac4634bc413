package io.sluice.bench.gateway;

import io.sluice.bench.Machine;
import io.sluice.bench.ResultsFile;
import io.sluice.runtime.SluiceServer;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.EmbeddedKafka;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The gateway benchmark (run it with {@code bench/run}): Sluice against the least a gateway must do, measured in
 * the same run, on the same embedded broker, with the same client settings.
 * <ol>
 *   <li>POST 1 KiB → Kafka: Sluice's producer API vs a bare Vert.x server forwarding to a KafkaProducer;</li>
 *   <li>Kafka → SSE: delivery latency to 100 clients of Sluice's consumer API vs a bare KafkaConsumer fan-out.</li>
 * </ol>
 * Prints a Markdown table and rewrites the gateway section of bench/RESULTS.md.
 * Options: {@code --results PATH} (default bench/RESULTS.md), {@code --quick} (short windows, writes nothing).
 */
public final class GatewayBench {

    static final String SECTION = "## Gateway: POST → Kafka and Kafka → SSE";

    static final int PARTITIONS = 3;
    static final int CONNECTIONS = 64;
    static final int SSE_CLIENTS = 100;
    static final int SSE_PER_SECOND = 2_000;
    private static final String POST_SLUICE = "bench-post-sluice";
    private static final String POST_BARE = "bench-post-bare";
    private static final String POST_LINGER = "bench-post-bare-linger";
    private static final String SSE_SLUICE = "bench-sse-sluice";
    private static final String SSE_BARE = "bench-sse-bare";

    private GatewayBench() {
    }

    /** How long each phase runs; {@code --quick} shortens everything for a smoke run. */
    record Timing(boolean quick, Duration warmup, Duration ramp, Duration window, int rounds, Duration sseWarmup,
                  Duration sseMeasure) {
        static Timing of(boolean quick) {
            return quick
                    ? new Timing(true, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(3), 1,
                            Duration.ofSeconds(1), Duration.ofSeconds(3))
                    : new Timing(false, Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(10), 3,
                            Duration.ofSeconds(2), Duration.ofSeconds(10));
        }
    }

    /** Part 1's figures, and the producer settings both sides ran with. */
    record PostFigures(PostBench.Result result, PostLoad.Window lingering, GatewayReport.Records records,
                       String producerSettings) {
    }

    public static void main(String[] args) {
        // slf4j-simple reads this once, when the first logger is made: set it before anything logs.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // The broker warns about routine things (an empty metadata log at first start): only errors from Kafka.
        System.setProperty("org.slf4j.simpleLogger.log.kafka", "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        int status = 0;
        try {
            run(args);
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(GatewayBench.class).error("Gateway bench failed", e);
            status = 1;
        }
        System.exit(status); // Kafka and Camel leave non-daemon threads behind
    }

    private static void run(String[] args) throws Exception {
        boolean quick = false;
        Path results = Path.of("bench", "RESULTS.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--results" -> results = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --quick, --results PATH)");
            }
        }
        Timing timing = Timing.of(quick);
        String loadBefore = Machine.loadAverage();
        long started = System.nanoTime();
        System.out.println("Gateway bench: embedded Kafka + Sluice in this JVM, loopback only"
                + (quick ? " (quick mode: short windows, RESULTS.md untouched)" : ""));

        PostFigures post;
        SseBench.Result[] sse;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0)) {
            for (String topic : new String[] {POST_SLUICE, POST_BARE, POST_LINGER, SSE_SLUICE, SSE_BARE}) {
                kafka.createTopic(topic, PARTITIONS);
            }
            SluiceServer sluice = SluiceServer.start(SluiceConfig.defaults().withPort(0));
            // The load generator and SSE clients get their own event loops, apart from both servers'.
            Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
            try {
                post = measurePost(kafka.bootstrapServers(), sluice, clients, timing);
                sse = measureSse(kafka.bootstrapServers(), sluice, clients, timing);
            } finally {
                clients.close().toCompletionStage().toCompletableFuture().join();
                sluice.close();
            }
        }

        GatewayReport.Context context = new GatewayReport.Context(Machine.now(), Machine.nproc(), Machine.memory(),
                Machine.javaVersion(), loadBefore, Machine.loadAverage(), post.producerSettings(),
                "bench/run" + (quick ? " --quick" : ""), timing,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        String md = GatewayReport.markdown(context, post.result(), post.lingering(), post.records(), sse[0], sse[1]);
        System.out.println();
        System.out.println(md);
        if (!quick) {
            ResultsFile.replaceSection(results, SECTION, md);
            System.out.println("Written to " + results);
        }
    }

    private static PostFigures measurePost(String brokers, SluiceServer sluice, Vertx clients, Timing t)
            throws Exception {
        deploy(sluice, "bench-producer.json", BenchApis.producer(brokers, POST_SLUICE));
        Properties producer = SluiceKafkaSettings.producer(sluice.camel(), POST_SLUICE, "bench-bare-forwarder");
        String settings = SluiceKafkaSettings.summary(producer, "acks", "enable.idempotence",
                "max.in.flight.requests.per.connection", "linger.ms", "batch.size", "max.block.ms",
                "request.timeout.ms", "delivery.timeout.ms", "partitioner.class", "value.serializer");
        System.out.println("Part 1: POST 1 KiB → Kafka, " + CONNECTIONS + " connections, closed loop");
        PostBench bench = new PostBench(clients, CONNECTIONS);
        PostBench.Result result;
        try (BareForwarder bare = new BareForwarder(producer, POST_BARE)) {
            result = bench.run(sluice.port(), bare.port(), t.warmup(), t.ramp(), t.window(), t.rounds());
        }
        // Calibration, outside the ratio: the same bare forwarder batching (linger.ms=5) as DESIGN §6 measured
        // it, to show how much of the gap to that figure is the linger.ms=0 both sides run with here.
        Properties batching = new Properties();
        batching.putAll(producer);
        batching.put("linger.ms", 5);
        batching.put("client.id", "bench-bare-linger");
        PostLoad.Window lingering;
        try (BareForwarder bare = new BareForwarder(batching, POST_LINGER)) {
            lingering = bench.single(bare.port(), "/", t.warmup(), t.ramp(), t.window());
            progress(String.format("calibration: bare with linger.ms=5 %,.0f req/s", lingering.throughput()));
        }
        GatewayReport.Records records = new GatewayReport.Records(
                TopicCounts.records(brokers, POST_SLUICE, PARTITIONS),
                TopicCounts.records(brokers, POST_BARE, PARTITIONS));
        return new PostFigures(result, lingering, records, settings);
    }

    /** @return Sluice's figures, then the bare fan-out's */
    private static SseBench.Result[] measureSse(String brokers, SluiceServer sluice, Vertx clients, Timing t)
            throws Exception {
        System.out.println("Part 2: Kafka → SSE, " + SSE_CLIENTS + " clients, " + SSE_PER_SECOND + " msg/s");
        deploy(sluice, "bench-consumer.json", BenchApis.consumer(brokers, SSE_SLUICE, "bench-sse-sluice"));
        Properties consumer = SluiceKafkaSettings.consumer(sluice.camel(), SSE_SLUICE, "bench-sse-bare",
                "bench-sse-bare");
        try (SteadyFeed feed = new SteadyFeed(brokers)) {
            SseBench sse = new SseBench(clients, feed, SSE_CLIENTS, SSE_PER_SECOND);
            SseBench.Result viaSluice = sse.run("Sluice", sluice.port(), BenchApis.CONSUMER_PATH, SSE_SLUICE,
                    t.sseWarmup(), t.sseMeasure());
            try (BareSseServer bare = new BareSseServer(consumer, SSE_BARE)) {
                return new SseBench.Result[] {viaSluice,
                        sse.run("bare", bare.port(), "/", SSE_BARE, t.sseWarmup(), t.sseMeasure())};
            }
        }
    }

    static void progress(String line) {
        System.out.println("  .. " + line);
    }

    private static void deploy(SluiceServer sluice, String source, byte[] api) {
        var outcome = sluice.deploy(source, api);
        if (!outcome.problems().isEmpty()) {
            throw new IllegalStateException("Sluice refused " + source + ": " + outcome.problems());
        }
    }
}
