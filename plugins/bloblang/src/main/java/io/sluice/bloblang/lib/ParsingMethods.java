package io.sluice.bloblang.lib;

import static io.sluice.bloblang.lib.Param.def;
import static io.sluice.bloblang.lib.Param.req;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.sluice.bloblang.lib.Param.Type;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.TypeError;
import io.sluice.bloblang.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Methods that read or write a text format: CSV, URLs, YAML, XML, MessagePack, JSONPath, JSON Schema. */
final class ParsingMethods {
    /** JSONPath evaluated over Sluice's own Map/List values, without conversion. */
    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .build();

    private ParsingMethods() {
    }

    /** Bento's stringMethod: strings and bytes only. */
    private static String text(Object v) {
        if (!(v instanceof String) && !(v instanceof byte[])) {
            throw new TypeError(v, "string");
        }
        return Values.getString(v);
    }

    /** Bento's BytesMethod. */
    private static byte[] bytes(Object v) {
        if (!(v instanceof String) && !(v instanceof byte[])) {
            throw new TypeError(v, "bytes");
        }
        return Values.getBytes(v);
    }

    static void register() {
        Library.method("parse_csv", Signature.of(def("parse_header_row", Type.BOOL, true),
                def("delimiter", Type.STRING, ","), def("lazy_quotes", Type.BOOL, false)),
                (v, a, c) -> parseCsv(text(v), (Boolean) a[0], (String) a[1], (Boolean) a[2]));
        Library.method("parse_url", Signature.of(), (v, a, c) -> GoUrl.parse(text(v)));
        Library.plugin("parse_form_url_encoded", Signature.of(), false, (v, a, c) -> {
            Map<String, List<String>> values;
            try {
                values = GoUrl.parseQuery(text(v));
            } catch (EvalError e) {
                throw new EvalError("failed to parse value as url-encoded data: " + e.getMessage());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            values.forEach((k, l) -> out.put(k, l.size() == 1 ? l.get(0) : new ArrayList<Object>(l)));
            return out;
        });
        Library.method("parse_yaml", Signature.of(), (v, a, c) -> YamlCodec.parse(bytes(v)));
        Library.method("format_yaml", Signature.of(), (v, a, c) -> YamlCodec.format(v));
        Library.plugin("parse_xml", Signature.of(def("cast", Type.BOOL, false)), false,
                (v, a, c) -> XmlMaps.parse(bytes(v), (Boolean) a[0]));
        Library.plugin("format_xml", Signature.of(def("indent", Type.STRING, "    "), def("no_indent", Type.BOOL, false)),
                false, (v, a, c) -> {
                    if (!(v instanceof Map)) {
                        throw new TypeError(v, "object");
                    }
                    return XmlMaps.format(Values.asObject(v), (String) a[0], (Boolean) a[1]);
                });
        Library.plugin("parse_msgpack", Signature.of(), false, (v, a, c) -> MsgPack.parse(bytes(v)));
        Library.plugin("format_msgpack", Signature.of(), false, (v, a, c) -> MsgPack.format(v));
        Library.pluginCtor("json_path", Signature.of(req("expression", Type.STRING)), false, a -> {
            JsonPath path;
            try {
                path = JsonPath.compile((String) a[0]);
            } catch (RuntimeException e) {
                throw new EvalError("failed to evaluate json path expression: " + e.getMessage());
            }
            return (v, x, c) -> {
                try {
                    return Values.sanitize(path.read(v, JSON_PATH));
                } catch (RuntimeException e) {
                    throw new EvalError(e.getMessage());
                }
            };
        });
        Library.methodCtor("json_schema", Signature.of(req("schema", Type.STRING)), (target, args) -> {
            Object s = args.staticValues()[0];
            JsonSchemaCheck compiled = s instanceof String ? JsonSchemaCheck.compile((String) s) : null;
            return Library.simple("json_schema", target, args, (v, a, c) ->
                    (compiled != null ? compiled : JsonSchemaCheck.compile((String) a[0])).validate(v));
        });
    }

    private static Object parseCsv(String csv, boolean headerRow, String delimiter, boolean lazyQuotes) {
        if (delimiter.codePointCount(0, delimiter.length()) != 1) {
            throw new EvalError("delimiter value must be exactly one character");
        }
        List<List<String>> records = GoCsv.readAll(csv, delimiter.codePointAt(0), lazyQuotes);
        if (records.isEmpty()) {
            throw new EvalError("zero records were parsed");
        }
        List<Object> out = new ArrayList<>();
        if (!headerRow) {
            records.forEach(r -> out.add(new ArrayList<Object>(r)));
            return out;
        }
        List<String> headers = records.get(0);
        for (int j = 1; j < records.size(); j++) {
            List<String> r = records.get(j);
            if (r.size() != headers.size()) {
                throw new EvalError("record on line " + (j - 1) + ": record mismatch with headers");
            }
            Map<String, Object> obj = new LinkedHashMap<>();
            for (int i = 0; i < r.size(); i++) {
                obj.put(headers.get(i), r.get(i));
            }
            out.add(obj);
        }
        return out;
    }
}
