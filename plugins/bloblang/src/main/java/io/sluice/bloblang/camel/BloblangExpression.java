package io.sluice.bloblang.camel;

import io.sluice.bloblang.Bloblang;
import io.sluice.bloblang.Mapping;
import io.sluice.bloblang.Message;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.support.ExpressionAdapter;

/**
 * Runs a mapping as Bento's {@code mapping} (or {@code mutation}) processor on the exchange's
 * message. The result is the new content (bytes); headers are replaced by the new metadata. A
 * deleted message keeps its body and gets {@link Bloblang#DELETED_PROPERTY}; a failure keeps the
 * original message and sets {@link Bloblang#ERROR_PROPERTY}, as Bento flags errored messages.
 */
public final class BloblangExpression extends ExpressionAdapter {
    private final Mapping mapping;
    private final boolean mutation;

    public BloblangExpression(Mapping mapping, boolean mutation) {
        this.mapping = mapping;
        this.mutation = mutation;
    }

    @Override
    public Object evaluate(Exchange exchange) {
        Message in = ExchangeMessages.toMessage(exchange);
        Message out = mapping.process(List.of(in), 0, mutation);
        if (out == null) {
            exchange.setProperty(Bloblang.DELETED_PROPERTY, Boolean.TRUE);
            return exchange.getMessage().getBody();
        }
        if (out == in) {
            exchange.setProperty(Bloblang.ERROR_PROPERTY, out.error());
            return exchange.getMessage().getBody();
        }
        ExchangeMessages.writeHeaders(exchange, out);
        return out.content();
    }

    @Override
    public String toString() {
        return "bloblang[" + mapping.source() + "]";
    }
}
