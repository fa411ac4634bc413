package io.sluice.bench.proxy;

import io.sluice.bench.Machine;
import io.sluice.bench.ResultsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Turns what bench/proxy measured into its Markdown section: the wrk figures of each round (a TSV the script
 * appends to) and the facts of the run (key=value lines). Prints the section and, unless {@code --quick},
 * rewrites it in bench/RESULTS.md.
 * <p>
 * Usage: {@code ProxyReport --rows FILE --facts FILE [--results PATH] [--quick]}
 */
public final class ProxyReport {

    static final String HEADING = "## Upstream proxy: Sluice vs nginx reverse proxy";
    /** Issue 4's target: Sluice serves at least this share of the nginx reverse proxy's requests per second. */
    static final double TARGET_RATIO = 0.8;

    static final String NGINX = "nginx";
    static final String KEYLESS = "sluice-keyless";
    static final String KEYED = "sluice-keyed";
    static final String UPSTREAM = "upstream";

    /** Why the figures are what they are, from profiling this path (2026-11-23); kept with the results. */
    static final String FINDINGS = """
            Profiling (2026-11-23, same machine and setup, keyless side). CPU per request read from /proc
            around 10 s wrk windows, user + system µs, median of 3 alternating windows: Sluice before the
            change 27.5 + 24.5 (17.7k req/s), after it 20.8 + 19.6 (26.6k req/s), the nginx proxy 4.9 +
            19.1 (35.5k req/s). A bare Vert.x 4.5.22 proxy (server + HttpClient + header copy, nothing
            else) measured 24.5 + 24.4 with one client shared by the event loops and 14.0 + 20.1 with a
            client per loop (single windows): even bare Vert.x needs about 34 µs of CPU per proxied
            request here against nginx's 24.

            Changed in `UpstreamProxy` (the only code change): one HttpClient per event loop (64
            connections each) instead of one shared by all, so a response is handled on the loop that owns
            its connection rather than handed to the request's loop with a wake-up per event; hop-by-hop
            filtering without lower-casing each header name; no new status object when the upstream's
            reason phrase is the standard one. Fixed on the way, found by this bench: when a client hung
            up mid-answer the proxy reset the upstream request even if its response had fully arrived, and
            Vert.x 4.5 then closes the pooled connection although another request may already be using it
            (eclipse-vertx/vert.x#6294): that request got a 502 (wrk saw a few each time one wrk run ended
            and the next began); and Vert.x's pipe ended the reply from inside the failed write, throwing
            IllegalStateException and double-releasing a buffer. The relay now writes the body itself,
            stops on the client's close, and resets only a response still arriving (`UpstreamProxyTest`
            `clientsThatHangUpDoNotCostOtherClientsTheirAnswers`).

            Where Sluice's time still goes (JFR execution samples after the change; Java code only, the
            system time is sockets as for nginx): Vert.x HTTP server and client, about two thirds; the
            Camel front route around the proxy (exchange, pipeline, filters) about 9%; copying headers
            both ways about 9%; Vert.x Web route matching, which tries the Gateway API's regex routes
            before the front's catch-all, about 3%; the per-request 504 timer about 4% of samples but no
            measurable gain when removed (A/B). The auth token and key rate limit add 2 to 5 µs of user
            CPU per request (A/B against keyless): the key lookup, a `ConcurrentHashMap.compute` and a
            Bucket4j take on the key's bucket, and JSON path reads of the session in each limit filter;
            contention on the one key's bucket is negligible (4 contended monitor enters in 48k requests).
            Suggestions, outside this change: in the limit filters, read a session's limits once rather
            than per request and find the bucket with `get` before `compute`; serve `/tyk/*` from a
            sub-router mounted on a plain prefix so other requests skip its regexes; read
            `ApiRateLimitFilter`'s settings once per definition (it runs `JsonNode.at` on every request);
            a Camel-free fast path from the front to the proxy for APIs without streams, or pooled Camel
            exchanges; Netty's native epoll transport for fewer and cheaper socket calls.""";

    private ProxyReport() {
    }

    /** One wrk run, as the script's Lua {@code done} hook printed it (times in microseconds). */
    record Run(String phase, String side, int round, long requests, long durationMicros, long p50Micros,
               long p99Micros, long non2xx, long connect, long read, long write, long timeout) {

        static Run parse(String line) {
            String[] f = line.split("\t");
            if (f.length != 12) {
                throw new IllegalArgumentException("expected 12 tab-separated fields: " + line);
            }
            return new Run(f[0], f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]),
                    Long.parseLong(f[9]), Long.parseLong(f[10]), Long.parseLong(f[11]));
        }

        double throughput() {
            return requests * 1e6 / durationMicros;
        }

        long socketErrors() {
            return connect + read + write + timeout;
        }
    }

    public static void main(String[] args) throws IOException {
        Path rows = null;
        Path facts = null;
        Path results = Path.of("bench", "RESULTS.md");
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Path.of(args[++i]);
                case "--facts" -> facts = Path.of(args[++i]);
                case "--results" -> results = Path.of(args[++i]);
                case "--quick" -> quick = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --rows FILE, --facts FILE, --results PATH, --quick)");
            }
        }
        if (rows == null || facts == null) {
            throw new IllegalArgumentException("--rows and --facts are required");
        }
        List<Run> runs = Files.readAllLines(rows, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .map(Run::parse).toList();
        Map<String, String> f = readFacts(facts);
        f.putIfAbsent("date", Machine.now());
        f.putIfAbsent("nproc", String.valueOf(Machine.nproc()));
        f.putIfAbsent("cpu", Machine.cpuModel());
        f.putIfAbsent("memory", Machine.memory());
        f.putIfAbsent("java", Machine.javaVersion());
        f.putIfAbsent("load_after", Machine.loadAverage());
        String md = markdown(f, runs);
        System.out.println();
        System.out.println(md);
        if (!quick) {
            ResultsFile.replaceSection(results, HEADING, md);
            System.out.println("Wrote the \"" + HEADING.substring(3) + "\" section of " + results);
        }
    }

    private static Map<String, String> readFacts(Path file) throws IOException {
        Map<String, String> facts = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                facts.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return facts;
    }

    static String markdown(Map<String, String> f, List<Run> runs) {
        List<Run> nginx = measured(runs, NGINX);
        List<Run> keyless = measured(runs, KEYLESS);
        List<Run> keyed = measured(runs, KEYED);
        if (nginx.isEmpty() || keyless.isEmpty() || keyed.isEmpty()) {
            throw new IllegalArgumentException("every side needs at least one measured round");
        }
        double keylessRatio = medianRatio(keyless, nginx);
        double keyedRatio = medianRatio(keyed, nginx);

        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(f.get("date")).append(" by `").append(f.get("command")).append("` (")
                .append(f.get("seconds")).append(" s in all).\n\n");
        md.append("Machine: ").append(f.get("nproc")).append(" CPUs (").append(f.get("cpu")).append("), ")
                .append(f.get("memory")).append(" RAM; ").append(f.get("java")).append("; ")
                .append(f.get("nginx")).append("; ").append(f.get("wrk")).append(".  \n");
        md.append("Load average (1/5/15 min): ").append(f.get("load_before")).append(" before, ")
                .append(f.get("load_after")).append(" after. wrk, the upstream and the proxy under test share the")
                .append(" machine's CPUs (nothing pinned), and other builds may too: figures are noisy, ratios are")
                .append(" the point.\n\n");

        md.append("All on 127.0.0.1. The upstream is nginx (worker_processes ").append(f.get("upstream_workers"))
                .append(") serving a static 1,024-byte file. In front of it, in turn:\n\n");
        md.append("- **nginx reverse proxy**: worker_processes ").append(f.get("proxy_workers"))
                .append(", `proxy_pass` to an `upstream` block with `keepalive ").append(f.get("proxy_keepalive"))
                .append("` (HTTP/1.1, `Connection: \"\"`), X-Forwarded-For/-Proto/-Host set as Sluice sets them,")
                .append(" access log off;\n");
        md.append("- **Sluice**: `java ").append(f.get("java_flags")).append(" -jar runtime/target/sluice.jar run`")
                .append(" (one HTTP server per core sharing one router), an API without streams whose upstream is")
                .append(" that nginx, once keyless and once with an auth token: the key, made through")
                .append(" `POST /tyk/keys/create`, has rate ")
                .append(String.format("%,d", Long.parseLong(f.getOrDefault("key_rate", "0"))))
                .append(" per 1 s (never reached) and is sent by wrk as `Authorization`.\n\n");
        md.append("Both nginx have `keepalive_requests` raised so that no connection closes after 1,000 requests")
                .append(" (Sluice's upstream client has no such cap). Load: `").append(f.get("wrk_command"))
                .append("` (closed loop, keep-alive); warm-up ").append(f.get("warmup"))
                .append("; then ").append(nginx.size()).append(" round(s) of ").append(f.get("window"))
                .append(" per side, the order reversed every other round. Figures are medians over the rounds;")
                .append(" each ratio is the median of the per-round ratios to the nginx proxy of the same round.")
                .append(" Errors are summed over the rounds: non-2xx as wrk counts them (status ≥ 400; the bench")
                .append(" fails on any), socket errors are connect + read + write + timeout.\n\n");

        md.append("| side | req/s (median) | p50 ms | p99 ms | non-2xx | socket errors | req/s per round |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        md.append(row("nginx reverse proxy", nginx));
        md.append(row("Sluice, keyless", keyless));
        md.append(row("Sluice, auth token + key rate limit", keyed));
        md.append(ratioRow("Sluice keyless / nginx", keyless, nginx, keylessRatio));
        md.append(ratioRow("Sluice keyed / nginx", keyed, nginx, keyedRatio));
        List<Run> direct = runs.stream().filter(r -> r.side().equals(UPSTREAM) && r.phase().equals("reference"))
                .toList();
        if (!direct.isEmpty()) {
            md.append(row("*reference: wrk → upstream directly*", direct));
        }
        md.append("\n");
        if (!direct.isEmpty()) {
            md.append("The reference row (one window after the warm-up, not part of any ratio) is what the upstream")
                    .append(" alone serves to the same wrk on this machine: the ceiling neither proxy can reach.\n\n");
        }
        boolean met = keylessRatio >= TARGET_RATIO && keyedRatio >= TARGET_RATIO;
        md.append(String.format("Target (issue 4): Sluice ≥ %.1f× the nginx reverse proxy's req/s. This run: keyless"
                + " %.2f×, auth token + rate limit %.2f×, **%s**.%n", TARGET_RATIO, keylessRatio, keyedRatio,
                met ? "met" : "not met"));
        md.append("\n").append(FINDINGS.strip()).append("\n");
        return md.toString();
    }

    private static List<Run> measured(List<Run> runs, String side) {
        return runs.stream().filter(r -> r.side().equals(side) && r.phase().equals("round")).toList();
    }

    /** Median over rounds of this side's req/s over the baseline's in the same round. */
    static double medianRatio(List<Run> side, List<Run> baseline) {
        Map<Integer, Run> byRound = new HashMap<>();
        baseline.forEach(r -> byRound.put(r.round(), r));
        List<Run> paired = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (Run r : side) {
            Run base = byRound.get(r.round());
            if (base != null) {
                paired.add(r);
                ratios.add(r.throughput() / base.throughput());
            }
        }
        if (paired.isEmpty()) {
            throw new IllegalArgumentException("no round measured both sides");
        }
        return median(ratios, Double::doubleValue);
    }

    private static String row(String name, List<Run> runs) {
        return String.format("| %s | %,.0f | %.2f | %.2f | %,d | %,d | %s |%n", name,
                median(runs, Run::throughput), median(runs, r -> r.p50Micros() / 1000.0),
                median(runs, r -> r.p99Micros() / 1000.0), runs.stream().mapToLong(Run::non2xx).sum(),
                runs.stream().mapToLong(Run::socketErrors).sum(),
                runs.stream().map(r -> String.format("%,.0f", r.throughput())).collect(Collectors.joining(" / ")));
    }

    private static String ratioRow(String name, List<Run> side, List<Run> nginx, double ratio) {
        Map<Integer, Run> byRound = new HashMap<>();
        nginx.forEach(r -> byRound.put(r.round(), r));
        String perRound = side.stream().filter(r -> byRound.containsKey(r.round()))
                .map(r -> String.format("%.2f", r.throughput() / byRound.get(r.round()).throughput()))
                .collect(Collectors.joining(" / "));
        return String.format("| **%s** | **%.2f×** | %.2f× | %.2f× | | | %s |%n", name, ratio,
                median(side, r -> r.p50Micros()) / median(nginx, r -> r.p50Micros()),
                median(side, r -> r.p99Micros()) / median(nginx, r -> r.p99Micros()), perRound);
    }

    static <T> double median(List<T> items, ToDoubleFunction<T> value) {
        double[] v = items.stream().mapToDouble(value).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
