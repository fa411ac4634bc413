package io.sluice.bloblang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.bloblang.cli.BloblCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BloblangApiTest {

    @Test
    void mapsContentAndMetadata() {
        Mapping m = Bloblang.parse("root.name = this.user.name.uppercase()\nmeta topic = \"users\"");
        Message out = m.apply(Message.of("{\"user\":{\"name\":\"ada\"}}"));
        assertThat(out.contentAsString()).isEqualTo("{\"name\":\"ADA\"}");
        assertThat(out.metadata()).containsEntry("topic", "users");
    }

    @Test
    void outputKeysAreSortedAndFloatsFormattedLikeGo() {
        Message out = Bloblang.parse("root = {\"b\": 1, \"a\": 10 / 4, \"c\": 1000000.0 * 1.0}")
                .apply(Message.of("{}"));
        assertThat(out.contentAsString()).isEqualTo("{\"a\":2.5,\"b\":1,\"c\":1000000}");
    }

    @Test
    void mappingThatNeverReadsThisNeverParsesContent() {
        Mapping m = Bloblang.parse("root = \"static\"");
        assertThat(m.readsContent()).isFalse();
        assertThat(m.apply(Message.of("not json")).contentAsString()).isEqualTo("static");
    }

    @Test
    void deletedMessageIsNull() {
        Mapping m = Bloblang.parse("root = if this.order_value > 1000 { this } else { deleted() }");
        assertThat(m.apply(Message.of("{\"order_value\":5}"))).isNull();
        assertThat(m.apply(Message.of("{\"order_value\":5000}")).contentAsString()).isEqualTo("{\"order_value\":5000}");
    }

    @Test
    void parseErrorNamesLineColumnAndPointsAtIt() {
        assertThatThrownBy(() -> Bloblang.parse("root = this.foo\nroot.bar = this.bar.uppercase(\"x\" "))
                .isInstanceOfSatisfying(BloblangParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.positionalMessage()).startsWith("line 2 char 35: required: expected comma or closing bracket");
                    assertThat(e.getMessage()).contains("2 | root.bar = this.bar.uppercase(\"x\" \n  | "
                            + " ".repeat(34) + "^---");
                });
    }

    @Test
    void runtimeFailureKeepsOriginalMessageFlaggedWithTheError() {
        Mapping m = Bloblang.parse("root.x = this.a.number()");
        Message in = Message.of("{\"a\":\"nope\"}");
        Message out = m.process(List.of(in), 0, false);
        assertThat(out).isSameAs(in);
        assertThat(out.error()).startsWith("failed assignment (line 1): field `this.a`:");
        Message caught = Bloblang.parse("root = error()").apply(out);
        assertThat(caught.contentAsString()).isEqualTo(out.error());
    }

    @Test
    void conditionReturnsBoolean() {
        Condition c = Bloblang.parseQuery("this.order_value > 1000");
        assertThat(c.test(Message.of("{\"order_value\":1001}"))).isTrue();
        assertThat(c.test(Message.of("{\"order_value\":10}"))).isFalse();
        assertThatThrownBy(() -> Bloblang.parseQuery("this.name").test(Message.of("{\"name\":\"x\"}")))
                .isInstanceOf(BloblangExecutionException.class).hasMessageContaining("expected bool value");
    }

    @Test
    void interpolationWithoutSectionsIsAConstant() {
        Interpolation plain = Bloblang.parseInterpolation("static topic");
        assertThat(plain.isStatic()).isTrue();
        assertThat(plain.render(Message.of("x"))).isEqualTo("static topic");
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("tenant", "acme");
        Interpolation dyn = Bloblang.parseInterpolation("${! @tenant }-${! this.id }");
        assertThat(dyn.isStatic()).isFalse();
        assertThat(dyn.render(Message.of("{\"id\":7}").withMetadata(meta))).isEqualTo("acme-7");
    }

    @Test
    void blobleCommandWritesOneLinePerMessageAndReportsErrors() {
        String input = "{\"v\":1}\n{\"v\":2000}\nnot json\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BloblCommand.execute(new String[] {"root = if this.v > 1000 { deleted() } else { this.v + 1 }"},
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("2\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("failed assignment (line 1):");
    }
}
