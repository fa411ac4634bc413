package io.sluice.bloblang.camel;

import io.sluice.bloblang.Condition;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/** A {@code check} condition on the exchange's message. */
public final class BloblangPredicate implements Predicate {
    private final Condition condition;

    public BloblangPredicate(Condition condition) {
        this.condition = condition;
    }

    @Override
    public boolean matches(Exchange exchange) {
        return condition.test(List.of(ExchangeMessages.toMessage(exchange)), 0);
    }
}
