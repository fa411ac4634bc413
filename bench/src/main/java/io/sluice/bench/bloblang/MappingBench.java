package io.sluice.bench.bloblang;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.bloblang.Bloblang;
import io.sluice.bloblang.Mapping;
import io.sluice.bloblang.Message;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One message through a parsed Bloblang mapping (as the mapping processor runs it: bytes in, bytes
 * out) against hand-written Jackson code doing the same, in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MappingBench {
    @Param({"COPY_RENAME", "FILTER", "STRINGS", "MAP_EACH", "MERGE"})
    public String scenario;

    private Scenario s;
    private Mapping mapping;
    private byte[] input;

    @Setup
    public void parseOnce() throws IOException {
        s = Scenario.valueOf(scenario);
        mapping = Bloblang.parse(s.mapping);
        input = s.input.get();
        // both sides must produce the same document, or the comparison means nothing
        byte[] a = sluice();
        byte[] b = jackson();
        ObjectMapper json = new ObjectMapper();
        if (a == null || b == null ? a != b : !json.readTree(a).equals(json.readTree(b))) {
            throw new IllegalStateException(scenario + ": Sluice and Jackson disagree:\n"
                    + (a == null ? "deleted" : new String(a)) + "\n" + (b == null ? "deleted" : new String(b)));
        }
    }

    @Benchmark
    public byte[] sluice() {
        Message out = mapping.apply(Message.of(input));
        return out == null ? null : out.content();
    }

    @Benchmark
    public byte[] jackson() {
        return s.jackson.apply(input);
    }

    /** Input sizes, for the report. */
    static int inputBytes(Scenario s) {
        return s.input.get().length;
    }

    @Override
    public String toString() {
        return "MappingBench" + Arrays.asList(scenario);
    }
}
