package io.sluice.runtime.cli;

import io.sluice.runtime.ApiDeployer;
import io.sluice.runtime.SluiceServer;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.EmbeddedKafka;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice run}: serves the API definitions of the app_path until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Serve the Tyk OAS API definitions of the app_path on one HTTP port.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--conf", paramLabel = "FILE", description = "a tyk.conf (listen_port, app_path, secret, streaming)")
    Path conf;

    @Option(names = "--app-path", paramLabel = "DIR", description = "folder of API definitions (overrides app_path)")
    Path appPath;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (overrides listen_port; default 8080)")
    Integer port;

    @Option(names = "--embedded-kafka", description = "start a single-node Kafka broker in this process (for demos)")
    boolean embeddedKafka;

    @Option(names = "--embedded-kafka-port", paramLabel = "N", defaultValue = "9092",
            description = "port of the embedded Kafka broker (default ${DEFAULT-VALUE})")
    int embeddedKafkaPort;

    @Override
    public Integer call() throws Exception {
        SluiceConfig config = SluiceConfig.load(conf, System.getenv());
        if (appPath != null) {
            config = config.withAppPath(appPath);
        }
        if (port != null) {
            config = config.withPort(port);
        }
        EmbeddedKafka kafka = null;
        if (embeddedKafka) {
            kafka = EmbeddedKafka.start(embeddedKafkaPort);
            System.out.println("Embedded Kafka broker on " + kafka.bootstrapServers());
        }
        SluiceServer server = SluiceServer.start(config);
        List<ApiDeployer.Outcome> outcomes = server.loadAppPath();
        StartupReport.print(System.out, "http://" + (config.listenAddress().isEmpty() ? "0.0.0.0" : config.listenAddress())
                + ":" + server.port(), config.appPath().toAbsolutePath().toString(), outcomes);
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedKafka broker = kafka;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (broker != null) {
                broker.close();
            }
            stopped.countDown();
        }, "sluice-shutdown"));
        stopped.await();
        return 0;
    }
}
