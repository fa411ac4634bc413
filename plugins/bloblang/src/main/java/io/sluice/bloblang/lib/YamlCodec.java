package io.sluice.bloblang.lib;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoFloat;
import io.sluice.bloblang.value.GoTime;
import io.sluice.bloblang.value.JsonNum;
import io.sluice.bloblang.value.Values;
import java.io.IOException;
import java.io.StringWriter;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;

/**
 * YAML for {@code parse_yaml} and {@code format_yaml}, shaped like Go's yaml.v3 output: keys
 * sorted, four-space indentation, no document marker, quotes only where needed. Sequence items are
 * indented by two rather than yaml.v3's four: SnakeYAML mangles nested collections otherwise.
 */
final class YamlCodec {
    private static final YAMLMapper READER = new YAMLMapper();
    private static final YAMLFactory WRITER = YAMLFactory.builder()
            .dumperOptions(dumperOptions())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();

    private YamlCodec() {
    }

    private static DumperOptions dumperOptions() {
        DumperOptions o = new DumperOptions();
        o.setIndent(4);
        o.setIndicatorIndent(2);
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setWidth(Integer.MAX_VALUE);
        o.setSplitLines(false);
        return o;
    }

    static Object parse(byte[] yaml) {
        try {
            JsonNode n = READER.readTree(yaml);
            return n == null || n.isMissingNode() ? null : value(n);
        } catch (IOException e) {
            throw new EvalError("failed to parse value as YAML: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }

    private static Object value(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), value(e.getValue()));
            }
            return out;
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>(n.size());
            n.forEach(e -> out.add(value(e)));
            return out;
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : (Object) n.doubleValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNull()) {
            return null;
        }
        if (n.isBinary()) {
            try {
                return n.binaryValue();
            } catch (IOException e) {
                throw new EvalError(e.getMessage());
            }
        }
        return n.asText();
    }

    static byte[] format(Object v) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = WRITER.createGenerator(out)) {
            write(g, v);
        } catch (IOException e) {
            throw new EvalError(e.getMessage());
        }
        return StringMethods.utf8(out.toString());
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Map) {
            g.writeStartObject();
            // Go marshals map keys in sorted order
            for (Map.Entry<String, Object> e : new TreeMap<>(Values.asObject(v)).entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List) {
            g.writeStartArray();
            for (Object o : Values.asArray(v)) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof JsonNum) {
            g.writeNumber(((JsonNum) v).text());
        } else if (v instanceof Double || v instanceof Float) {
            g.writeNumber(goFloat(((Number) v).doubleValue()));
        } else if (v instanceof Number) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof ZonedDateTime) {
            g.writeString(GoTime.formatRfc3339Nano((ZonedDateTime) v));
        } else {
            g.writeString(Values.getString(v));
        }
    }

    private static String goFloat(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        return GoFloat.formatG(d);
    }
}
