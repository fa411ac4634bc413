package io.sluice.bench.gateway;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Part 1: 1 KiB POSTs → Kafka through Sluice and through the bare forwarder, in alternating rounds (the order
 * flips each round) so that load from elsewhere on the machine falls on both sides alike.
 */
final class PostBench {

    static final int BODY_BYTES = 1024;

    private final Vertx clientVertx;
    private final int connections;

    PostBench(Vertx clientVertx, int connections) {
        this.clientVertx = clientVertx;
        this.connections = connections;
    }

    /** Per target, the recorded windows of each round, and every 200 received (warm-up included). */
    record Result(List<PostLoad.Window> sluice, List<PostLoad.Window> bare, long sluice200, long bare200) {
    }

    Result run(int sluicePort, int barePort, Duration warmup, Duration ramp, Duration window, int rounds)
            throws Exception {
        byte[] body = body();
        List<PostLoad.Window> s = new ArrayList<>();
        List<PostLoad.Window> b = new ArrayList<>();
        try (PostLoad sluice = new PostLoad(clientVertx, sluicePort, BenchApis.PRODUCER_PATH, connections, body);
             PostLoad bare = new PostLoad(clientVertx, barePort, "/", connections, body)) {
            GatewayBench.progress("warm-up: Sluice " + warmup.toSeconds() + " s, bare " + warmup.toSeconds() + " s");
            sluice.run(Duration.ZERO, warmup);
            bare.run(Duration.ZERO, warmup);
            for (int r = 1; r <= rounds; r++) {
                boolean sluiceFirst = r % 2 == 1;
                PostLoad.Window first = (sluiceFirst ? sluice : bare).run(ramp, window);
                PostLoad.Window second = (sluiceFirst ? bare : sluice).run(ramp, window);
                s.add(sluiceFirst ? first : second);
                b.add(sluiceFirst ? second : first);
                GatewayBench.progress(String.format("round %d: Sluice %,.0f req/s, bare %,.0f req/s", r,
                        s.get(r - 1).throughput(), b.get(r - 1).throughput()));
            }
            return new Result(s, b, sluice.total200(), bare.total200());
        }
    }

    /** One unpaired window against a single server, after its own warm-up: for calibration rows. */
    PostLoad.Window single(int port, String path, Duration warmup, Duration ramp, Duration window) throws Exception {
        try (PostLoad load = new PostLoad(clientVertx, port, path, connections, body())) {
            load.run(Duration.ZERO, warmup);
            return load.run(ramp, window);
        }
    }

    /** 1 KiB of printable text, like a chat prompt. */
    static byte[] body() {
        byte[] b = new byte[BODY_BYTES];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }
}
