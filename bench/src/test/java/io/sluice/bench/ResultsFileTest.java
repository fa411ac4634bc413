package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RESULTS.md is shared by several benchmarks: rewriting ours must leave theirs untouched. */
class ResultsFileTest {

    @TempDir
    Path dir;

    @Test
    void createsTheFileWithTheSection() throws Exception {
        Path file = dir.resolve("RESULTS.md");
        ResultsFile.replaceSection(file, "## Gateway", "figures");
        assertThat(Files.readString(file)).isEqualTo("# Sluice benchmark results\n\n## Gateway\n\nfigures\n\n");
    }

    @Test
    void replacesOnlyItsOwnSection() throws Exception {
        Path file = dir.resolve("RESULTS.md");
        Files.writeString(file, "# Title\n\n## Bloblang\n\nkeep me\n\n## Gateway\n\nold\nlines\n\n## Later\n\nme too\n");
        ResultsFile.replaceSection(file, "## Gateway", "new");
        assertThat(Files.readString(file))
                .isEqualTo("# Title\n\n## Bloblang\n\nkeep me\n\n## Gateway\n\nnew\n\n## Later\n\nme too\n");
    }

    @Test
    void appendsWhenTheSectionIsMissing() throws Exception {
        Path file = dir.resolve("RESULTS.md");
        Files.writeString(file, "# Title\n\n## Bloblang\n\nkeep me\n");
        ResultsFile.replaceSection(file, "## Gateway", "new");
        assertThat(Files.readString(file)).isEqualTo("# Title\n\n## Bloblang\n\nkeep me\n\n## Gateway\n\nnew\n\n");
    }
}
