package io.sluice.bloblang.camel;

import io.sluice.bloblang.Bloblang;
import io.sluice.bloblang.BloblangExecutionException;
import io.sluice.bloblang.BloblangParseException;
import io.sluice.bloblang.Mapping;
import io.sluice.bloblang.Message;
import io.sluice.bloblang.Interpolation;
import io.sluice.translator.spi.MappingEngine;
import io.sluice.translator.spi.MappingSyntaxException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.apache.camel.support.ExpressionAdapter;
import org.apache.camel.support.builder.ExpressionBuilder;

/** Bloblang as the translator's mapping language: Bento's mapping processors, checks and interpolated fields. */
public final class BloblangMappingEngine implements MappingEngine {

    @Override
    public Processor mapping(String mapping, boolean mutation) {
        BloblangExpression expression = new BloblangExpression(parse(() -> Bloblang.parse(mapping)), mutation);
        return exchange -> {
            Object result = expression.evaluate(exchange, Object.class);
            if (Boolean.TRUE.equals(exchange.getProperty(Bloblang.DELETED_PROPERTY))) {
                exchange.setRouteStop(true); // filtered: handled, so the input acknowledges it
                return;
            }
            exchange.getMessage().setBody(result);
        };
    }

    @Override
    public ResultMap resultMap(String mapping) {
        Mapping parsed = parse(() -> Bloblang.parse(mapping));
        return (original, result) -> {
            Message merged;
            try {
                merged = parsed.mergeResult(ExchangeMessages.toMessage(original).shallowCopy(),
                        ExchangeMessages.toMessage(result));
            } catch (BloblangExecutionException e) {
                original.setProperty(Bloblang.ERROR_PROPERTY, "result_map failed: " + e.getMessage());
                return;
            }
            if (merged == null) {
                original.setProperty(Bloblang.DELETED_PROPERTY, Boolean.TRUE);
                original.setRouteStop(true); // deleted by the result map: handled, as a mapping's deletion is
                return;
            }
            ExchangeMessages.writeHeaders(original, merged);
            original.getMessage().setBody(merged.content());
        };
    }

    @Override
    public Predicate condition(String query) {
        return new BloblangPredicate(parse(() -> Bloblang.parseQuery(query)));
    }

    @Override
    public Expression interpolation(String text) {
        Interpolation interpolation = parse(() -> Bloblang.parseInterpolation(text));
        if (interpolation.isStatic()) {
            return ExpressionBuilder.constantExpression(text);
        }
        return new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                return interpolation.render(List.of(ExchangeMessages.toMessage(exchange)), 0);
            }

            @Override
            public String toString() {
                return "interpolation[" + text + "]";
            }
        };
    }

    private static <T> T parse(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (BloblangParseException e) {
            throw new MappingSyntaxException(e.getMessage(), e.line(), e.column(), e);
        }
    }
}
