package io.sluice.bloblang.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the Bento conformance corpus (test resources, copied verbatim). Every runnable case must
 * pass unless it is listed in {@code known-failures.txt} with a reason; a listed case that passes
 * fails the build until it is removed from the list.
 */
class ConformanceTest {
    private static final String BASE = "/conformance/bloblang/";
    private static final List<String> FILES = List.of("language.jsonl", "methods.jsonl", "methods_tests.jsonl",
            "functions.jsonl", "functions_tests.jsonl", "interpolation.jsonl", "docs.jsonl", "config_tests.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, int[]> COUNTS = new LinkedHashMap<>();
    private static final List<String> REPORT = new ArrayList<>();

    private static Map<String, String> knownFailures() throws IOException {
        Map<String, String> known = new TreeMap<>();
        try (InputStream in = ConformanceTest.class.getResourceAsStream("/conformance/known-failures.txt")) {
            if (in == null) {
                return known;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                known.put(tab < 0 ? line.trim() : line.substring(0, tab), tab < 0 ? "" : line.substring(tab + 1));
            }
        }
        return known;
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        Map<String, String> known = knownFailures();
        return FILES.stream().map(file -> DynamicTest.dynamicTest(file, () -> runFile(file, known)));
    }

    private static void runFile(String file, Map<String, String> known) throws IOException {
        CaseRunner runner = new CaseRunner();
        List<String> unexpectedFailures = new ArrayList<>();
        List<String> unexpectedPasses = new ArrayList<>();
        int runnable = 0;
        int passed = 0;
        try (InputStream in = ConformanceTest.class.getResourceAsStream(BASE + file)) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode c = JSON.readTree(line);
                if (c.has("skip_reason")) {
                    continue;
                }
                runnable++;
                String id = c.get("id").asText();
                String failure = runner.run(c);
                if (failure == null) {
                    passed++;
                    if (known.containsKey(id)) {
                        unexpectedPasses.add(id);
                    }
                } else {
                    REPORT.add(id + "\t" + failure.replace('\n', ' '));
                    if (!known.containsKey(id)) {
                        unexpectedFailures.add(id + ": " + failure);
                    }
                }
            }
        }
        synchronized (COUNTS) {
            COUNTS.put(file, new int[] {runnable, passed});
        }
        assertTrue(unexpectedFailures.isEmpty(), file + ": cases failing that are not in known-failures.txt:\n"
                + String.join("\n", unexpectedFailures));
        assertTrue(unexpectedPasses.isEmpty(), file + ": cases in known-failures.txt now pass, remove them:\n"
                + String.join("\n", unexpectedPasses));
    }

    @AfterAll
    static void summary() throws IOException {
        int runnable = 0;
        int passed = 0;
        StringBuilder b = new StringBuilder("Bloblang conformance (passed/runnable):\n");
        for (Map.Entry<String, int[]> e : COUNTS.entrySet()) {
            b.append(String.format("  %-22s %4d/%4d%n", e.getKey(), e.getValue()[1], e.getValue()[0]));
            runnable += e.getValue()[0];
            passed += e.getValue()[1];
        }
        b.append(String.format("  %-22s %4d/%4d (%.1f%%)%n", "TOTAL", passed, runnable,
                runnable == 0 ? 0.0 : 100.0 * passed / runnable));
        System.out.print(b);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("conformance-summary.txt"), b.toString());
            Files.write(target.resolve("conformance-failures.txt"), REPORT);
        }
    }
}
