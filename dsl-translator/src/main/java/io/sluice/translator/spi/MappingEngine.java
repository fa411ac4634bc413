package io.sluice.translator.spi;

import java.util.Iterator;
import java.util.ServiceLoader;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;

/**
 * The mapping language the translator compiles Bento's {@code mapping}/{@code bloblang}/{@code mutation}
 * processors, {@code check} conditions and {@code ${! ... }} fields with. Implemented by the Bloblang plugin
 * (found with ServiceLoader), so the translator needs no compile-time dependency on it. Every method compiles
 * once, at translation time, and throws {@link MappingSyntaxException} for text that does not parse.
 */
public interface MappingEngine {

    /**
     * A processor that applies {@code mapping} to the exchange's message. A deleted message stops the route
     * (it counts as handled, so the input acknowledges it); a failed mapping keeps the message and flags it.
     */
    Processor mapping(String mapping, boolean mutation);

    /**
     * Bento's {@code branch} {@code result_map}: edits the original message (as a mutation does), reading the branch's
     * result as {@code this}; a failure flags the original message with the error.
     */
    ResultMap resultMap(String mapping);

    /** A compiled {@code result_map}. */
    @FunctionalInterface
    interface ResultMap {
        void apply(Exchange original, Exchange result);
    }

    /** A condition: true when the query yields true for the exchange's message. */
    Predicate condition(String query);

    /** A field with {@code ${! ... }} parts, rendered to a String per message. */
    Expression interpolation(String text);

    /** True when {@code text} has interpolated parts, so it must be rendered per message. */
    static boolean isInterpolated(String text) {
        return text != null && text.contains("${!");
    }

    /** The engine on the class path, or null when no plugin provides one. */
    static MappingEngine discover() {
        Iterator<MappingEngine> found = ServiceLoader.load(MappingEngine.class, MappingEngine.class.getClassLoader()).iterator();
        return found.hasNext() ? found.next() : null;
    }
}
