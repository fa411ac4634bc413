package io.sluice.bloblang.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bloblang.Bloblang;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BloblangLanguageTest {
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:map")
                        .transform().language("bloblang", "root.id = this.id\nroot.tenant = @tenant\nmeta seen = \"yes\"");
                from("direct:filter")
                        .filter().language("bloblang", "this.order_value > 1000")
                        .setHeader("kept", constant(true));
                from("direct:delete")
                        .transform().language("bloblang", "root = if this.keep { this } else { deleted() }");
                from("direct:fail")
                        .transform().language("bloblang", "root.n = this.n.number()");
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void transformMapsBodyAndHeaders() {
        Exchange ex = producer.request("direct:map", e -> {
            e.getMessage().setBody("{\"id\":42,\"x\":1}".getBytes());
            e.getMessage().setHeader("tenant", "acme");
        });
        assertThat(ex.getMessage().getBody(String.class)).isEqualTo("{\"id\":42,\"tenant\":\"acme\"}");
        assertThat(ex.getMessage().getHeaders()).containsAllEntriesOf(Map.of("tenant", "acme", "seen", "yes"));
    }

    @Test
    void predicateFiltersOnCheck() {
        Exchange big = producer.request("direct:filter", e -> e.getMessage().setBody("{\"order_value\":2000}"));
        Exchange small = producer.request("direct:filter", e -> e.getMessage().setBody("{\"order_value\":20}"));
        assertThat(big.getMessage().getHeader("kept")).isEqualTo(true);
        assertThat(small.getMessage().getHeader("kept")).isNull();
    }

    @Test
    void deletedMessagesAreMarked() {
        Exchange ex = producer.request("direct:delete", e -> e.getMessage().setBody("{\"keep\":false}"));
        assertThat(ex.getProperty(Bloblang.DELETED_PROPERTY)).isEqualTo(true);
    }

    @Test
    void failuresKeepTheMessageAndSetTheErrorFlag() {
        Exchange ex = producer.request("direct:fail", e -> e.getMessage().setBody("{\"n\":\"abc\"}"));
        assertThat(ex.getMessage().getBody(String.class)).isEqualTo("{\"n\":\"abc\"}");
        assertThat(ex.getProperty(Bloblang.ERROR_PROPERTY, String.class)).startsWith("failed assignment (line 1):");
    }
}
