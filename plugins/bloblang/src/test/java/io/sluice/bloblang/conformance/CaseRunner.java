package io.sluice.bloblang.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.bloblang.Bloblang;
import io.sluice.bloblang.BloblangExecutionException;
import io.sluice.bloblang.BloblangParseException;
import io.sluice.bloblang.Interpolation;
import io.sluice.bloblang.Mapping;
import io.sluice.bloblang.Message;
import io.sluice.bloblang.exec.Ctx;
import io.sluice.bloblang.exec.Fn;
import io.sluice.bloblang.exec.Run;
import io.sluice.bloblang.parse.ParseError;
import io.sluice.bloblang.parse.Parser;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoJson;
import io.sluice.bloblang.value.Special;
import io.sluice.bloblang.value.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one conformance case the way the corpus README describes its mode. */
final class CaseRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Cases of one {@code group} share a parsed mapping (stateful counters). */
    private final Map<String, Object> groupParsed = new HashMap<>();

    /** Null when the case passed, else why it failed. */
    String run(JsonNode c) {
        try {
            String mode = c.path("mode").asText("mapping");
            switch (mode) {
                case "parse":
                    return runParse(c);
                case "query":
                    return runQuery(c);
                case "interpolation":
                    return runInterpolation(c);
                case "value":
                    return runValue(c);
                case "batch":
                    return runBatch(c);
                default:
                    return runMapping(c);
            }
        } catch (RuntimeException | StackOverflowError e) {
            return "crashed: " + e;
        }
    }

    private static String text(JsonNode c, String f) {
        return c.path(f).asText();
    }

    private static boolean contains(JsonNode c) {
        return "contains".equals(c.path("error_match").asText());
    }

    /**
     * Upstream compared most parse errors in their positional form ({@code line 1 char 5: ...})
     * and a few in the unpositioned one that ends with a snippet of the input; compare in kind.
     */
    private static String checkParseError(JsonNode c, ParseError e) {
        String expected = text(c, "parse_error");
        boolean positional = expected.startsWith("line ") || expected.startsWith("char ") || contains(c);
        return checkError(c, "parse_error", positional ? e.positional() : e.withInputSnippet());
    }

    private static String checkError(JsonNode c, String field, String actual) {
        String expected = text(c, field);
        boolean ok = contains(c) ? actual.contains(expected) : actual.equals(expected);
        return ok ? null : "expected " + field + " <" + expected + "> got <" + actual + ">";
    }

    private String runParse(JsonNode c) {
        try {
            Bloblang.parse(text(c, "mapping"));
            return null;
        } catch (BloblangParseException e) {
            return "parse failed: " + e.positionalMessage();
        }
    }

    private Mapping parseMapping(JsonNode c) {
        String group = c.path("group").asText(null);
        if (group != null) {
            return (Mapping) groupParsed.computeIfAbsent(group, g -> Bloblang.parse(text(c, "mapping")));
        }
        return Bloblang.parse(text(c, "mapping"));
    }

    static Object value(JsonNode n) {
        try {
            return GoJson.parse(JSON.writeValueAsString(n));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A context value that the upstream test built from Go values: numbers with a fraction are
     * float64 (so {@code 1.0} prints as {@code 1}), not JSON text kept verbatim.
     */
    static Object goValue(JsonNode n) {
        if (n.isFloatingPointNumber()) {
            return n.doubleValue();
        }
        if (n.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> out.put(e.getKey(), goValue(e.getValue())));
            return out;
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(e -> out.add(goValue(e)));
            return out;
        }
        return value(n);
    }

    private static Message message(JsonNode m) {
        Message msg = Message.of(m.path("content").asText());
        if (m.has("metadata")) {
            Map<String, Object> meta = new LinkedHashMap<>();
            m.get("metadata").fields().forEachRemaining(e -> meta.put(e.getKey(), value(e.getValue())));
            msg.withMetadata(meta);
        }
        if (m.has("error")) {
            msg.withError(m.get("error").asText());
        }
        if (m.has("error_source")) {
            JsonNode src = m.get("error_source");
            msg.withErrorSource(src.path("type").asText(null), src.path("label").asText(null),
                    src.path("path").asText(null));
        }
        return msg;
    }

    private static List<Message> batch(JsonNode c) {
        List<Message> out = new ArrayList<>();
        for (JsonNode m : c.path("batch")) {
            out.add(message(m));
        }
        return out;
    }

    private static List<Message> inputBatch(JsonNode c) {
        if (c.has("batch") && c.get("batch").size() > 0) {
            return batch(c);
        }
        Message m;
        if (c.path("input_from_value").asBoolean(false)) {
            m = Message.ofValue(GoJson.parse(text(c, "input")));
        } else {
            m = Message.of(text(c, "input"));
        }
        if (c.has("input_metadata")) {
            Map<String, Object> meta = new LinkedHashMap<>();
            c.get("input_metadata").fields().forEachRemaining(e -> meta.put(e.getKey(), value(e.getValue())));
            m.withMetadata(meta);
        }
        if (c.has("input_error")) {
            m.withError(text(c, "input_error"));
        }
        List<Message> out = new ArrayList<>();
        out.add(m);
        return out;
    }

    private String runMapping(JsonNode c) {
        Mapping mapping;
        try {
            mapping = parseMapping(c);
        } catch (BloblangParseException e) {
            if (c.has("parse_error")) {
                return checkError(c, "parse_error", e.positionalMessage());
            }
            return "unexpected parse error: " + e.positionalMessage();
        }
        List<Message> batch = inputBatch(c);
        int index = c.path("index").asInt(0);
        Message out;
        try {
            out = mapping.apply(batch, index);
        } catch (BloblangExecutionException e) {
            if (c.has("error")) {
                return checkError(c, "error", e.getMessage());
            }
            if (c.has("parse_error")) {
                // upstream failed these while constructing the query from literals
                return checkError(c, "parse_error", e.getMessage());
            }
            return "unexpected error: " + e.getMessage();
        }
        if (c.has("parse_error")) {
            return "expected parse error " + text(c, "parse_error");
        }
        if (c.has("error")) {
            return "expected error <" + text(c, "error") + "> got output <" + (out == null ? "deleted" : out.contentAsString()) + ">";
        }
        if (c.path("deleted").asBoolean(false)) {
            return out == null ? null : "expected deleted, got " + out.contentAsString();
        }
        if (out == null) {
            return "unexpected delete";
        }
        String r = compareOutput(c, text(c, "output"), out.contentAsString(), null);
        if (r != null) {
            return r;
        }
        return compareMetadata(c, out);
    }

    private String compareMetadata(JsonNode c, Message out) {
        if (!c.has("output_metadata")) {
            return null;
        }
        JsonNode exp = c.get("output_metadata");
        Map<String, Object> actual = out.metadata();
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = exp.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!actual.containsKey(e.getKey()) || !Values.compare(value(e.getValue()), actual.get(e.getKey()))) {
                return "metadata " + e.getKey() + " expected " + e.getValue() + " got " + actual.get(e.getKey());
            }
        }
        if (c.path("metadata_exact").asBoolean(false) && exp.size() != actual.size()) {
            return "metadata expected " + exp + " got " + actual;
        }
        return null;
    }

    private static String compareOutput(JsonNode c, String expected, String actual, Object actualValue) {
        String compare = c.path("compare").asText("");
        if (compare.equals("value") && c.has("output_value") && actualValue != null) {
            Object exp = value(c.get("output_value"));
            Object act = actualValue == NULL ? null : actualValue;
            return Values.compare(exp, act) && sameShape(exp, act) ? null
                    : "expected value " + c.get("output_value") + " got " + GoJson.write(act, false);
        }
        if (expected.equals(actual)) {
            return null;
        }
        if (compare.equals("json") || compare.equals("value")) {
            try {
                Object a = GoJson.parse(expected);
                Object b = GoJson.parse(actual);
                if (Values.compare(a, b)) {
                    return null;
                }
            } catch (EvalError e) {
                // not JSON: fall through to the text difference
            }
        }
        return "expected output <" + expected + "> got <" + actual + ">";
    }

    /** Values.compare is loose about string vs bytes; value comparisons also want the same kind. */
    private static boolean sameShape(Object a, Object b) {
        if (a instanceof Map || a instanceof List) {
            return b instanceof Map || b instanceof List;
        }
        return true;
    }

    static final Object NULL = new Object();

    private String runValue(JsonNode c) {
        Mapping mapping;
        try {
            mapping = parseMapping(c);
        } catch (BloblangParseException e) {
            if (c.has("parse_error")) {
                return checkError(c, "parse_error", e.positionalMessage());
            }
            return "unexpected parse error: " + e.positionalMessage();
        }
        Object result;
        Object input = c.hasNonNull("input") && !text(c, "input").isEmpty() ? GoJson.parse(text(c, "input")) : null;
        try {
            result = mapping.query(input);
            if (result == Special.NOTHING) {
                // Bento's Query hands the input back when the mapping never assigns root
                result = input;
            }
        } catch (BloblangExecutionException e) {
            if (c.has("error")) {
                return checkError(c, "error", e.getMessage());
            }
            if (c.has("parse_error")) {
                return checkError(c, "parse_error", e.getMessage());
            }
            return "unexpected error: " + e.getMessage();
        }
        if (c.has("error") || c.has("parse_error")) {
            return "expected an error, got " + Values.toStr(result);
        }
        String s = result instanceof String || result instanceof byte[] ? Values.toStr(result)
                : result == Special.NOTHING ? "null" : GoJson.write(result, false);
        return compareOutput(c, text(c, "output"), s, result == null ? NULL : result);
    }

    private String runQuery(JsonNode c) {
        Fn fn;
        try {
            // upstream parsed these with the bare query parser, which stops after the query
            fn = Parser.parseQueryPrefix(text(c, "mapping"));
        } catch (ParseError e) {
            if (c.has("parse_error")) {
                return checkParseError(c, e);
            }
            return "unexpected parse error: " + e.positional();
        }
        List<Message> batch = batch(c);
        int index = c.path("index").asInt(0);
        // no maps: upstream evaluated the query without a mapping around it
        Run run = new Run(null, batch, index, index < batch.size() ? batch.get(index) : null);
        if (c.has("vars")) {
            c.get("vars").fields().forEachRemaining(e -> run.vars().put(e.getKey(), value(e.getValue())));
        }
        Ctx ctx = c.has("this") ? Ctx.forValue(run, goValue(c.get("this")), null)
                : Ctx.forValue(run, Ctx.undefined(), null);
        Object result;
        try {
            result = fn.exec(ctx);
        } catch (EvalError e) {
            if (c.has("error")) {
                return checkError(c, "error", e.getMessage());
            }
            if (c.has("parse_error")) {
                return checkError(c, "parse_error", e.getMessage());
            }
            return "unexpected error: " + e.getMessage();
        }
        if (c.has("error") || c.has("parse_error")) {
            return "expected an error, got " + Values.toStr(result);
        }
        String s = result instanceof Special ? "null" : Values.toStr(result);
        return compareOutput(c, text(c, "output"), s, result == null ? NULL : result);
    }

    private String runInterpolation(JsonNode c) {
        Interpolation in;
        try {
            in = Bloblang.parseInterpolation(text(c, "mapping"));
        } catch (BloblangParseException e) {
            if (c.has("parse_error")) {
                return checkError(c, "parse_error", e.positionalMessage());
            }
            return "unexpected parse error: " + e.positionalMessage();
        }
        if (c.has("parse_error")) {
            return "expected parse error " + text(c, "parse_error");
        }
        List<Message> batch = batch(c);
        String out = in.render(batch, c.path("index").asInt(0));
        return compareOutput(c, text(c, "output"), out, null);
    }

    private String runBatch(JsonNode c) {
        // env(): exactly the variables the upstream test set
        Map<String, String> env = new HashMap<>();
        c.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        Mapping mapping = Bloblang.parse(text(c, "mapping"), null, env);
        boolean mutation = "mutation".equals(text(c, "processor"));
        List<Message> batch = batch(c);
        List<Message> outs = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Message out = mapping.process(batch, i, mutation);
            if (out != null) {
                outs.add(out);
            }
        }
        JsonNode expected = c.get("output_batch");
        if (expected.size() != outs.size()) {
            return "expected " + expected.size() + " messages, got " + outs.size();
        }
        for (int i = 0; i < outs.size(); i++) {
            JsonNode e = expected.get(i);
            String r = compareOutput(e, e.path("output").asText(), outs.get(i).contentAsString(), null);
            if (r != null) {
                return "message " + i + ": " + r;
            }
            if (e.has("output_metadata")) {
                String m = compareMetadata(e, outs.get(i));
                if (m != null) {
                    return "message " + i + ": " + m;
                }
            }
        }
        return null;
    }
}
