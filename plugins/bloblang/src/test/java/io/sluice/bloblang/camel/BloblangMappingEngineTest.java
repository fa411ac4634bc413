package io.sluice.bloblang.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.translator.spi.MappingEngine;
import io.sluice.translator.spi.MappingSyntaxException;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The translator's view of Bloblang: found by ServiceLoader, compiled once, applied to exchanges. */
class BloblangMappingEngineTest {

    private final MappingEngine engine = MappingEngine.discover();
    private final DefaultCamelContext camel = new DefaultCamelContext();

    private Exchange exchange(String body) {
        Exchange e = new DefaultExchange(camel);
        e.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        e.getMessage().setHeader("kafka_topic", "orders");
        return e;
    }

    @Test
    void isTheEngineTheTranslatorFinds() {
        assertThat(engine).isInstanceOf(BloblangMappingEngine.class);
    }

    @Test
    void mappingsTransformAndDeletedMessagesStopTheRoute() throws Exception {
        Exchange kept = exchange("{\"v\":2000}");
        engine.mapping("root = if this.v > 1000 { this } else { deleted() }\nroot.topic = @kafka_topic", false).process(kept);
        assertThat(new String(kept.getMessage().getBody(byte[].class), StandardCharsets.UTF_8))
                .isEqualTo("{\"topic\":\"orders\",\"v\":2000}");
        assertThat(kept.isRouteStop()).isFalse();

        Exchange dropped = exchange("{\"v\":10}");
        engine.mapping("root = if this.v > 1000 { this } else { deleted() }", false).process(dropped);
        assertThat(dropped.isRouteStop()).isTrue();
    }

    @Test
    void conditionsAndInterpolationsReadTheMessage() {
        assertThat(engine.condition("this.v > 1000").matches(exchange("{\"v\":2000}"))).isTrue();
        assertThat(engine.condition("this.v > 1000").matches(exchange("{\"v\":1}"))).isFalse();
        assertThat(engine.interpolation("t-${! this.region }-${! @kafka_topic }").evaluate(exchange("{\"region\":\"eu\"}"),
                String.class)).isEqualTo("t-eu-orders");
        assertThat(engine.interpolation("plain").evaluate(exchange("{}"), String.class)).isEqualTo("plain");
    }

    @Test
    void syntaxErrorsCarryTheMappingPosition() {
        MappingSyntaxException e = catchThrowableOfType(MappingSyntaxException.class,
                () -> engine.mapping("root = this\nroot.x = ", false));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isPositive();
        assertThat(e.getMessage()).contains("^");
    }
}
