package io.sluice.translator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the Camel endpoint URIs translators emit, with every option value encoded. */
public final class EndpointUri {

    private final String base;
    private final Map<String, Object> options = new LinkedHashMap<>();

    private EndpointUri(String scheme, String path) {
        this.base = scheme + ":" + path;
    }

    public static EndpointUri of(String scheme, String path) {
        return new EndpointUri(scheme, path);
    }

    public EndpointUri option(String name, Object value) {
        if (value != null) {
            options.put(name, value);
        }
        return this;
    }

    @Override
    public String toString() {
        if (options.isEmpty()) {
            return base;
        }
        StringBuilder s = new StringBuilder(base).append('?');
        options.forEach((k, v) -> s.append(k).append('=').append(encode(String.valueOf(v))).append('&'));
        s.setLength(s.length() - 1);
        return s.toString();
    }

    /**
     * Camel's RAW() keeps a value verbatim, whatever characters it holds (commas, plus signs, percent); RAW{} is the
     * same for a value with a closing parenthesis (a password, say).
     */
    private static String encode(String value) {
        if (value.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_.:/,".indexOf(c) >= 0)) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%3A", ":").replace("%2F", "/")
                    .replace("%2C", ",");
        }
        return value.contains(")") && !value.contains("}") ? "RAW{" + value + "}" : "RAW(" + value + ")";
    }
}
