package io.sluice.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites one {@code ## } section of bench/RESULTS.md and leaves every other section as it was, since other
 * benchmarks report into the same file.
 */
public final class ResultsFile {

    private static final String TITLE = "# Sluice benchmark results";

    private ResultsFile() {
    }

    /** Replaces the section headed {@code heading} (up to the next {@code ## }) with {@code body}, or appends it. */
    public static void replaceSection(Path file, String heading, String body) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8)
                : new ArrayList<>(List.of(TITLE, ""));
        List<String> section = new ArrayList<>();
        section.add(heading);
        section.add("");
        section.addAll(body.strip().lines().toList());
        section.add("");

        int start = lines.indexOf(heading);
        List<String> out = new ArrayList<>();
        if (start < 0) {
            out.addAll(lines);
            if (!out.isEmpty() && !out.get(out.size() - 1).isBlank()) {
                out.add("");
            }
            out.addAll(section);
        } else {
            int end = start + 1;
            while (end < lines.size() && !lines.get(end).startsWith("## ")) {
                end++;
            }
            out.addAll(lines.subList(0, start));
            out.addAll(section);
            out.addAll(lines.subList(end, lines.size()));
        }
        Files.write(file, out, StandardCharsets.UTF_8);
    }
}
