package io.sluice.bloblang.cli;

import io.sluice.bloblang.Bloblang;
import io.sluice.bloblang.BloblangExecutionException;
import io.sluice.bloblang.BloblangParseException;
import io.sluice.bloblang.Mapping;
import io.sluice.bloblang.Message;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code sluice blobl [-f FILE | MAPPING]}: maps newline-delimited messages from stdin to stdout,
 * one result per line. A deleted message writes nothing; a failure goes to stderr and the run
 * continues.
 */
public final class BloblCommand {
    private final Mapping mapping;

    public BloblCommand(Mapping mapping) {
        this.mapping = mapping;
    }

    /** Runs over every line of {@code in}; returns the number of messages that failed. */
    public int run(InputStream in, PrintStream out, PrintStream err) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int failures = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            try {
                Message result = mapping.apply(Message.of(line));
                if (result != null) {
                    out.write(result.content());
                    out.write('\n');
                    out.flush();
                }
            } catch (BloblangExecutionException e) {
                failures++;
                err.println(e.getMessage());
            }
        }
        return failures;
    }

    /**
     * Entry point the runtime wraps: parses the arguments, runs over stdin, returns the exit code
     * (0 ok, 1 bad mapping or usage). Failures of single messages do not change the exit code.
     */
    public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
        String source;
        try {
            if (args.length == 2 && (args[0].equals("-f") || args[0].equals("--file"))) {
                source = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
            } else if (args.length == 1 && !args[0].startsWith("-")) {
                source = args[0];
            } else {
                err.println("usage: blobl [-f FILE | MAPPING]");
                return 1;
            }
        } catch (IOException e) {
            err.println("failed to read mapping: " + e.getMessage());
            return 1;
        }
        Mapping mapping;
        try {
            mapping = Bloblang.parse(source);
        } catch (BloblangParseException e) {
            err.println(e.getMessage());
            return 1;
        }
        try {
            new BloblCommand(mapping).run(in, out, err);
            return 0;
        } catch (IOException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
