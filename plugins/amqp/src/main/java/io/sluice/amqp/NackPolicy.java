package io.sluice.amqp;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What happens to a consumed message the stream could not deliver, as in Bento's {@code amqp_0_9} input: when the
 * error matches one of {@code nack_reject_patterns} it is rejected without requeue (dropped, or dead-lettered if the
 * queue has a dead-letter exchange); otherwise it is requeued, after a pause ({@link AmqpEndpoint#requeueLater}) so
 * that an output that is down is not hammered by immediate redeliveries.
 */
final class NackPolicy {

    private final List<Pattern> rejectPatterns;

    NackPolicy(List<Pattern> rejectPatterns) {
        this.rejectPatterns = rejectPatterns;
    }

    /** The listener wraps the output's error: a pattern may name any message along the chain. */
    boolean rejects(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            for (Pattern p : rejectPatterns) {
                if (c.getMessage() != null && p.matcher(c.getMessage()).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The innermost message: the output's own error rather than the wrappers around it. */
    static String describe(Throwable failure) {
        String found = String.valueOf(failure.getMessage());
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c.getMessage() != null) {
                found = c.getMessage();
            }
        }
        return found;
    }
}
