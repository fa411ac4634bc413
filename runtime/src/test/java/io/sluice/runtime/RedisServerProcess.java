package io.sluice.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway redis-server (Debian's binary, through {@link ServerProcess}) on a free loopback port, never the
 * machine's own Redis: no snapshots, no append-only file, gone when closed. Ready once it answers PING.
 */
final class RedisServerProcess implements AutoCloseable {

    private final ServerProcess server;

    private RedisServerProcess(ServerProcess server) {
        this.server = server;
    }

    /** @param options more redis-server options, e.g. {@code "--requirepass", "pw"} */
    static RedisServerProcess start(String... options) throws Exception {
        return new RedisServerProcess(ServerProcess.start("redis-server", "/usr/bin/redis-server", port -> {
            List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no"));
            args.addAll(List.of(options));
            return args;
        }, server -> answersPing(server.port()), Duration.ofSeconds(15)));
    }

    int port() {
        return server.port();
    }

    /** PING in Redis's inline protocol; +PONG (or, with a password required, -NOAUTH) means it serves commands. */
    private static boolean answersPing(int port) throws IOException {
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
        server.close();
    }
}
