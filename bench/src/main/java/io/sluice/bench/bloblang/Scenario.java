package io.sluice.bench.bloblang;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** One representative mapping: its Bloblang text, its input message and the Jackson code that does the same. */
enum Scenario {
    COPY_RENAME("copy and rename fields", """
            root.id = this.order_id
            root.customer_name = this.customer.name
            root.customer_email = this.customer.email
            root.total = this.order_value
            root.currency = this.currency
            root.city = this.shipping.city
            root.status = this.status
            """, SampleMessages::order, JacksonMappings::copyAndRename),
    FILTER("high-value-order filter", "root = if this.order_value > 1000 { this } else { deleted() }",
            SampleMessages::order, JacksonMappings::highValueFilter),
    STRINGS("string methods", """
            root.name = this.name.uppercase()
            root.title = this.title.trim()
            root.description = this.description.replace_all("foo", "bar")
            root.tags = this.tag_list.split(",")
            """, SampleMessages::strings, JacksonMappings::stringMethods),
    MAP_EACH("map_each over 100 objects",
            "root.items = this.items.map_each(item -> {\"id\": item.id, \"double\": item.v * 2})",
            SampleMessages::hundredObjects, JacksonMappings::mapEach),
    MERGE("merge of two objects", "root = this.defaults.merge(this.overrides)",
            SampleMessages::twoObjects, JacksonMappings::merge);

    final String title;
    final String mapping;
    final Supplier<byte[]> input;
    final UnaryOperator<byte[]> jackson;

    Scenario(String title, String mapping, Supplier<byte[]> input, UnaryOperator<byte[]> jackson) {
        this.title = title;
        this.mapping = mapping;
        this.input = input;
        this.jackson = jackson;
    }
}
