package io.sluice.runtime.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice blobl}: Bento's {@code blobl} — run a Bloblang mapping over newline-delimited messages. */
@Command(name = "blobl", mixinStandardHelpOptions = true,
        description = {"Map each line of standard input with a Bloblang mapping; one result per line on standard output.",
                "A deleted message writes nothing; a failed one writes its error (with the line) to standard error."})
public final class BloblCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "read the mapping from FILE")
        Path file;

        @Parameters(paramLabel = "MAPPING", description = "the mapping, e.g. 'root = this.name.uppercase()'")
        String mapping;
    }

    @Override
    public Integer call() {
        String[] args = source.file != null ? new String[] {"-f", source.file.toString()} : new String[] {source.mapping};
        return io.sluice.bloblang.cli.BloblCommand.execute(args, System.in, System.out, System.err);
    }
}
