package io.sluice.translator.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.translator.DefinitionException;
import io.sluice.translator.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Tyk OAS document (JSON or YAML) into an {@link ApiDefinition}. Only the gateway-level shape is
 * checked here; stream configs are validated by the translator against each component's spec.
 */
public final class ApiDefinitionParser {

    public static final String GATEWAY_EXTENSION = "x-tyk-api-gateway";
    public static final String STREAMING_EXTENSION = "x-tyk-streaming";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * @param source a file name (its extension picks YAML for {@code .yaml}/{@code .yml}); used in errors
     * @throws DefinitionException listing every problem found, each with file, JSON path and line:column
     */
    public ApiDefinition parse(String source, byte[] content) {
        ObjectMapper mapper = isYaml(source, content) ? YAML : JSON;
        JsonNode root;
        try {
            root = mapper.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DefinitionException(new Problem(source, null, null, null,
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid " + (mapper == YAML ? "YAML" : "JSON") + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new DefinitionException(new Problem(source, null, null, null, 0, 0, "unreadable: " + e.getMessage()));
        }
        SourceLocations locations = SourceLocations.index(mapper.getFactory(), content);
        return new Reader(source, locations).read(root);
    }

    private static boolean isYaml(String source, byte[] content) {
        String name = source == null ? "" : source.toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return true;
        }
        if (name.endsWith(".json")) {
            return false;
        }
        String head = new String(content, 0, Math.min(content.length, 64), StandardCharsets.UTF_8).stripLeading();
        return !head.startsWith("{");
    }

    /** Derives a stable API id from its name when the definition has none: the name, as a URL-safe slug. */
    static String idFromName(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? Integer.toHexString(name.hashCode()) : slug;
    }

    /**
     * Normalises a listen path to a leading slash, no duplicate and no trailing slash ({@code /} stays {@code /}),
     * the form request paths are canonicalised to before matching.
     */
    static String normaliseListenPath(String value) {
        String p = ("/" + value).replaceAll("/{2,}", "/");
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** One pass over one document, collecting every problem before failing. */
    private static final class Reader {
        private final String source;
        private final SourceLocations locations;
        private final List<Problem> problems = new ArrayList<>();
        private String apiName;

        Reader(String source, SourceLocations locations) {
            this.source = source;
            this.locations = locations;
        }

        ApiDefinition read(JsonNode root) {
            if (!(root instanceof ObjectNode doc)) {
                problem("", "an API definition must be an object");
                throw new DefinitionException(problems);
            }
            JsonNode gw = doc.get(GATEWAY_EXTENSION);
            if (!(gw instanceof ObjectNode)) {
                problem("", "the payload should contain " + GATEWAY_EXTENSION + " (a Tyk OAS API definition)");
                throw new DefinitionException(problems);
            }
            apiName = text(gw, "/info/name", true);
            String id = text(gw, "/info/id", false);
            if (id == null || id.isEmpty()) {
                id = apiName == null ? null : idFromName(apiName);
            }
            JsonNode active = gw.at("/info/state/active");
            if (!active.isBoolean()) {
                problem(pointer("/info/state/active"), active.isMissingNode()
                        ? "required field is missing (is the API served? true or false)"
                        : "expected a boolean, got " + active.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            String listen = text(gw, "/server/listenPath/value", true);
            JsonNode strip = gw.at("/server/listenPath/strip");
            if (!strip.isMissingNode() && !strip.isBoolean()) {
                problem(pointer("/server/listenPath/strip"), "expected a boolean");
            }
            String upstream = text(gw, "/upstream/url", false);
            Map<String, StreamDefinition> streams = streams(doc.get(STREAMING_EXTENSION));
            if (!problems.isEmpty()) {
                throw new DefinitionException(problems);
            }
            return new ApiDefinition(source, id, apiName, active.asBoolean(), normaliseListenPath(listen),
                    strip.asBoolean(false), upstream == null ? "" : upstream, streams, doc, locations);
        }

        private Map<String, StreamDefinition> streams(JsonNode ext) {
            Map<String, StreamDefinition> out = new LinkedHashMap<>();
            if (ext == null || ext.isNull()) {
                return out;
            }
            String base = "/" + STREAMING_EXTENSION;
            if (!(ext instanceof ObjectNode)) {
                problem(base, "expected an object with a 'streams' map");
                return out;
            }
            for (Iterator<String> it = ext.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("streams")) {
                    problem(base + "/" + escape(key), "unknown field '" + key + "': " + STREAMING_EXTENSION
                            + " allows only 'streams'");
                }
            }
            JsonNode streams = ext.get("streams");
            if (!(streams instanceof ObjectNode)) {
                problem(base + "/streams", streams == null ? "required field is missing" : "expected an object of streams by name");
                return out;
            }
            streams.fields().forEachRemaining(e -> {
                String path = base + "/streams/" + escape(e.getKey());
                if (e.getValue() instanceof ObjectNode config) {
                    out.put(e.getKey(), new StreamDefinition(e.getKey(), config, path));
                } else {
                    problem(path, "a stream must be an object with input, pipeline and output");
                }
            });
            return out;
        }

        private String text(JsonNode gw, String at, boolean required) {
            JsonNode n = gw.at(at);
            if (n.isMissingNode() || n.isNull()) {
                if (required) {
                    problem(pointer(at), "required field is missing");
                }
                return null;
            }
            if (!n.isTextual()) {
                problem(pointer(at), "expected a string");
                return null;
            }
            if (required && n.asText().isEmpty()) {
                problem(pointer(at), "must not be empty");
            }
            return n.asText();
        }

        private String pointer(String within) {
            return "/" + GATEWAY_EXTENSION + within;
        }

        private void problem(String jsonPath, String message) {
            int[] at = locations.locate(jsonPath);
            problems.add(new Problem(source, apiName, null, jsonPath, at[0], at[1], message));
        }
    }

    /** JSON pointer escaping of one reference token. */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
