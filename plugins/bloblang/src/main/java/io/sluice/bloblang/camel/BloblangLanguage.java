package io.sluice.bloblang.camel;

import io.sluice.bloblang.Bloblang;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.support.LanguageSupport;

/**
 * The Camel language {@code bloblang}: {@code .transform().language("bloblang", "root = this.foo")}.
 * Expressions map the exchange's message (body, headers as metadata, error flag); predicates run a
 * mapping whose result must be a boolean ({@code check} conditions).
 */
public final class BloblangLanguage extends LanguageSupport {
    @Override
    public Predicate createPredicate(String expression) {
        return new BloblangPredicate(Bloblang.parseQuery(loadResource(expression)));
    }

    @Override
    public Expression createExpression(String expression) {
        return new BloblangExpression(Bloblang.parse(loadResource(expression)), false);
    }
}
