package io.sluice.bloblang;

import io.sluice.bloblang.parse.ParseError;
import io.sluice.translator.MessageFlags;
import io.sluice.bloblang.parse.Parser;
import io.sluice.bloblang.lib.Library;
import java.nio.file.Path;
import java.util.Map;

/**
 * Entry point of the Bloblang implementation (the dialect of Bento 1.16, as embedded by Tyk
 * Streams). Parse once, run many: every returned object is immutable and thread-safe.
 */
public final class Bloblang {
    /** Exchange property holding Bento's error flag (a String) of a message. */
    public static final String ERROR_PROPERTY = MessageFlags.ERROR;
    /** Exchange property set to {@code true} when a mapping deleted the message. */
    public static final String DELETED_PROPERTY = MessageFlags.DELETED;

    private Bloblang() {
    }

    /** Parses a mapping; {@code import} paths resolve against the working directory. */
    public static Mapping parse(String mapping) {
        return parse(mapping, null);
    }

    /** Parses a mapping whose {@code import} and {@code from} paths resolve against {@code baseDir}. */
    public static Mapping parse(String mapping, Path baseDir) {
        try {
            return new Mapping(mapping, Parser.parseMapping(mapping, baseDir));
        } catch (ParseError e) {
            throw new BloblangParseException(e);
        }
    }

    /**
     * Parses a mapping whose {@code env()} calls read {@code environment} rather than the
     * gateway's process environment (a stream's own variables, or a test's).
     */
    public static Mapping parse(String mapping, Path baseDir, Map<String, String> environment) {
        Map<String, String> env = Map.copyOf(environment);
        return Library.withEnvironment(env::get, () -> parse(mapping, baseDir));
    }

    /** Parses a condition ({@code check}): a mapping whose result must be a boolean. */
    public static Condition parseQuery(String query) {
        return new Condition(parse(query));
    }

    /** Parses a string field that may contain {@code ${! ... }} interpolations. */
    public static Interpolation parseInterpolation(String text) {
        if (!text.contains("${")) {
            return new Interpolation(text, java.util.List.of(text));
        }
        try {
            return new Interpolation(text, Parser.parseInterpolation(text));
        } catch (ParseError e) {
            throw new BloblangParseException(e);
        }
    }
}
