package io.sluice.bench.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures bench/proxy reports: one wrk line per run in, medians and same-round ratios out. */
class ProxyReportTest {

    /** A round of {@code side} that served {@code rps} req/s for 10 s, p50 1 ms, p99 5 ms, no errors. */
    private static ProxyReport.Run run(String side, int round, long rps) {
        return ProxyReport.Run.parse(String.join("\t", "round", side, String.valueOf(round),
                String.valueOf(rps * 10), "10000000", "1000", "5000", "0", "0", "0", "0", "0"));
    }

    @Test
    void parsesTheLineTheWrkHookPrints() {
        ProxyReport.Run r = ProxyReport.Run.parse("round\tnginx\t2\t300000\t10000000\t1500\t9000\t0\t1\t2\t3\t4");
        assertThat(r.throughput()).isCloseTo(30_000, within(0.001));
        assertThat(r.p99Micros()).isEqualTo(9000);
        assertThat(r.socketErrors()).isEqualTo(10);
    }

    @Test
    void ratiosPairEachRoundWithTheBaselineOfTheSameRound() {
        // the machine got slower in round 3: paired ratios stay 0.5, whatever the drift
        List<ProxyReport.Run> nginx = List.of(run("nginx", 1, 40_000), run("nginx", 2, 40_000), run("nginx", 3, 10_000));
        List<ProxyReport.Run> sluice = List.of(run("s", 1, 20_000), run("s", 2, 20_000), run("s", 3, 5_000));
        assertThat(ProxyReport.medianRatio(sluice, nginx)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void theSectionHasEverySideTheRatiosAndTheVerdict() {
        Map<String, String> facts = new HashMap<>(Map.of("key_rate", "1000000"));
        List<ProxyReport.Run> runs = List.of(run(ProxyReport.NGINX, 1, 30_000), run(ProxyReport.KEYLESS, 1, 27_000),
                run(ProxyReport.KEYED, 1, 21_000));
        String md = ProxyReport.markdown(facts, runs);
        assertThat(md).contains("| nginx reverse proxy | 30,000 |", "| **Sluice keyless / nginx** | **0.90×** |",
                "| **Sluice keyed / nginx** | **0.70×** |", "rate 1,000,000 per 1 s", "**not met**");
    }
}
