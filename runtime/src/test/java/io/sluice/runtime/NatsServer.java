package io.sluice.runtime;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test-owned nats-server (Debian's) with JetStream, its store in its own work folder, on free loopback ports: the
 * client port and the HTTP monitoring port, which tells when a subscription is in place (core NATS keeps nothing
 * for a subscriber that is not there yet).
 */
final class NatsServer implements AutoCloseable {

    private final ServerProcess process;
    private final int monitorPort;

    private NatsServer(ServerProcess process, int monitorPort) {
        this.process = process;
        this.monitorPort = monitorPort;
    }

    /** @param extraArgs more nats-server arguments, e.g. {@code --user u --pass p} */
    static NatsServer start(String... extraArgs) throws Exception {
        int monitorPort = ServerProcess.freePort();
        ServerProcess process = ServerProcess.start("nats-server", "/usr/sbin/nats-server", (port, workDir) -> {
            List<String> args = new ArrayList<>(List.of("-a", "127.0.0.1", "-p", Integer.toString(port), "-js",
                    "-sd", workDir.toString(), "-m", Integer.toString(monitorPort)));
            args.addAll(Arrays.asList(extraArgs));
            return new ServerProcess.Command(args, Map.of());
        }, server -> true, Duration.ofSeconds(20));
        return new NatsServer(process, monitorPort);
    }

    int port() {
        return process.port();
    }

    String url() {
        return "nats://127.0.0.1:" + port();
    }

    /** Waits until some client subscribed to exactly {@code subject}. */
    void awaitSubscription(String subject) {
        Pattern subscribed = Pattern.compile("\"subject\":\\s*\"" + Pattern.quote(subject) + "\"");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> subscribed.matcher(subscriptions()).find());
    }

    /** Waits until the server delivered {@code count} messages to the subscriptions on exactly {@code subject}. */
    void awaitDelivered(String subject, int count) {
        Pattern delivered = Pattern.compile("\"subject\":\\s*\"" + Pattern.quote(subject) + "\"[^}]*\"msgs\":\\s*(\\d+)");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Matcher m = delivered.matcher(subscriptions());
            return m.find() && Integer.parseInt(m.group(1)) >= count;
        });
    }

    private String subscriptions() throws Exception {
        return HttpClients.CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + monitorPort + "/subsz?subs=1"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
