package io.sluice.runtime;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway redis-server (Debian's binary) on a free loopback port, never the machine's own Redis: no snapshots,
 * no append-only file, gone when closed. Installs the Debian package first when the binary is missing.
 */
final class RedisServerProcess implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final Process process;
    private final int port;

    private RedisServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param options more redis-server options, e.g. {@code "--requirepass", "pw"} */
    static RedisServerProcess start(String... options) throws Exception {
        installIfMissing();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        RedisServerProcess redis = new RedisServerProcess(process, port);
        try {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                    .ignoreExceptions().until(redis::answersPing);
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
        return redis;
    }

    int port() {
        return port;
    }

    /** PING in Redis's inline protocol; +PONG (or, with a password required, -NOAUTH) means it serves commands. */
    boolean answersPing() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("redis-server exited with " + process.exitValue());
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return line != null && (line.equals("+PONG") || line.startsWith("-NOAUTH"));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A fresh machine may lack it; the package index may be stale, so update once and retry when it fails. */
    private static synchronized void installIfMissing() throws IOException, InterruptedException {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        if (run("apt-get", "install", "-y", "redis-server") != 0) {
            run("apt-get", "update");
            if (run("apt-get", "install", "-y", "redis-server") != 0) {
                throw new IllegalStateException("cannot install redis-server with apt-get");
            }
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        return p.waitFor(10, TimeUnit.MINUTES) ? p.exitValue() : -1;
    }
}
