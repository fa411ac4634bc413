package io.sluice.runtime;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A throwaway server from a Debian binary (mosquitto, nats-server, rabbitmq-server, ...) on a free loopback port,
 * never the machine's own service on its standard port. The package is installed with apt-get when the binary is
 * missing; the server is ready once its port accepts connections (or a stricter check passes), and gone when closed.
 *
 * <pre>{@code
 * try (ServerProcess nats = ServerProcess.start("nats-server", "/usr/sbin/nats-server",
 *         port -> List.of("-a", "127.0.0.1", "-p", Integer.toString(port)))) { ... nats.port() ... }
 * }</pre>
 */
final class ServerProcess implements AutoCloseable {

    /** A readiness check beyond "the port accepts connections"; may throw while the server is still starting. */
    interface Ready {
        boolean check(ServerProcess server) throws Exception;
    }

    /** The command line for a free port; may first write config files into the server's own (empty) folder. */
    interface Arguments {
        List<String> make(int port, Path workDir) throws IOException;
    }

    /** The arguments and extra environment variables to run the server with. */
    record Command(List<String> args, Map<String, String> environment) {
    }

    /** Makes the command for the server's free port and its own work folder (where it may write files first). */
    interface Launch {
        Command command(int port, Path workDir) throws IOException;
    }

    private final String name;
    private final Process process;
    private final int port;
    private final Path workDir;

    private ServerProcess(String name, Process process, int port, Path workDir) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.workDir = workDir;
    }

    /** Starts {@code binary} with the arguments {@code args} makes for a free port; ready when the port accepts. */
    static ServerProcess start(String debianPackage, String binary, IntFunction<List<String>> args) throws Exception {
        return start(debianPackage, binary, args, server -> true, Duration.ofSeconds(20));
    }

    static ServerProcess start(String debianPackage, String binary, IntFunction<List<String>> args, Ready ready,
                               Duration startup) throws Exception {
        return start(debianPackage, binary, (port, workDir) -> new Command(args.apply(port), Map.of()), ready, startup);
    }

    /** Starts {@code binary} with a config written into its folder, e.g. {@code mosquitto -c <workDir>/mosquitto.conf}. */
    static ServerProcess start(String debianPackage, String binary, Arguments args) throws Exception {
        return start(debianPackage, binary, (port, workDir) -> new Command(args.make(port, workDir), Map.of()),
                server -> true, Duration.ofSeconds(20));
    }

    static ServerProcess start(String debianPackage, String binary, Launch launch, Ready ready, Duration startup)
            throws Exception {
        installIfMissing(debianPackage, Path.of(binary));
        int port = freePort();
        Path workDir = Files.createTempDirectory("sluice-" + debianPackage);
        Command launched = launch.command(port, workDir);
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(launched.args());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("server.log").toFile());
        builder.environment().putAll(launched.environment());
        Process process = builder.start();
        ServerProcess server = new ServerProcess(debianPackage, process, port, workDir);
        try {
            await().atMost(startup).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                    .until(() -> server.accepts() && ready.check(server));
        } catch (RuntimeException e) {
            String log = server.log();
            server.close();
            throw new IllegalStateException(debianPackage + " did not start: " + log, e);
        }
        return server;
    }

    int port() {
        return port;
    }

    /** A folder of this server's own (its cwd), for data and config files; deleted on close. */
    Path workDir() {
        return workDir;
    }

    /** What the server printed so far, for failure messages. */
    String log() {
        try {
            return Files.readString(workDir.resolve("server.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    boolean accepts() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + log());
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(workDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A fresh machine may lack it; the package index may be stale, so update once and retry when it fails. */
    static synchronized void installIfMissing(String debianPackage, Path binary) throws IOException, InterruptedException {
        if (Files.isExecutable(binary)) {
            return;
        }
        if (run("apt-get", "install", "-y", debianPackage) != 0) {
            run("apt-get", "update");
            if (run("apt-get", "install", "-y", debianPackage) != 0) {
                throw new IllegalStateException("cannot install " + debianPackage + " with apt-get");
            }
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO()
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        return p.waitFor(10, TimeUnit.MINUTES) ? p.exitValue() : -1;
    }
}
