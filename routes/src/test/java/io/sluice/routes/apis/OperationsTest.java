package io.sluice.routes.apis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.translator.model.ApiDefinition;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationsTest {

    private static Operations operations(String paths, String middleware) throws Exception {
        ObjectNode doc = (ObjectNode) new ObjectMapper().readTree("""
                {"paths":%s,"x-tyk-api-gateway":{"middleware":{"operations":%s}}}""".formatted(paths, middleware));
        return Operations.of(new ApiDefinition("t.json", "t", "t", true, "/t", true, "", Map.of(), doc, null));
    }

    @Test
    void aLiteralPathWinsOverATemplatedOneWhateverTheirOrder() throws Exception {
        Operations ops = operations("""
                {"/orders/{id}":{"get":{"operationId":"byId"}},"/orders/mine":{"get":{"operationId":"mine"}},
                 "/orders/{id}/items/{item}":{"get":{"operationId":"item"}}}""", "{}");
        assertThat(ops.match("GET", "/orders/mine").id()).isEqualTo("mine");
        assertThat(ops.match("GET", "/orders/42").id()).isEqualTo("byId");
        assertThat(ops.match("GET", "/orders/42/items/7").id()).isEqualTo("item");
        assertThat(ops.match("GET", "/orders/42/items")).isNull(); // a template stands for one segment
        assertThat(ops.match("GET", "/orders/")).isNull();
    }

    @Test
    void theMethodMustMatchAndATrailingSlashDoesNot() throws Exception {
        Operations ops = operations("""
                {"/in/":{"post":{"operationId":"in"},"parameters":[]},"/files/{name}.json":{"get":{"operationId":"f"}},
                 "/none":{"get":{"summary":"no operationId"}}}""",
                "{\"in\":{\"rateLimit\":{\"enabled\":true,\"rate\":1}},\"f\":{\"rateLimit\":{\"enabled\":false}}}");
        assertThat(ops.match("POST", "/in").id()).isEqualTo("in");
        assertThat(ops.match("POST", "/in/").id()).isEqualTo("in");
        assertThat(ops.match("GET", "/in")).isNull();
        assertThat(ops.match("post", "/in").enabled("rateLimit").path("rate").asInt()).isEqualTo(1);
        assertThat(ops.match("GET", "/files/a.json").enabled("rateLimit")).isNull();
        assertThat(ops.match("GET", "/files/a.xml")).isNull();
        assertThat(ops.match("GET", "/none")).isNull();
    }
}
