package io.sluice.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.translator.model.ApiDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How an API wants requests authenticated, read from a Tyk OAS document: {@code x-tyk-api-gateway.server
 * .authentication} (enabled, and its {@code securitySchemes} with Tyk's header/query/cookie extension) together
 * with the OpenAPI {@code components.securitySchemes} they name.
 *
 * @param tokenLocations where an auth token may be (an {@code apiKey} scheme), in the order they are tried
 * @param unsupported    schemes the API requires that Sluice cannot check yet (described for the error)
 */
public record ApiAuthentication(boolean enabled, List<TokenLocation> tokenLocations, Jwt jwt, boolean basic,
                                HmacVerifier hmac, List<String> unsupported) {

    /** A bearer-JWT scheme: where the token is read, and how it is checked. */
    public record Jwt(List<TokenLocation> locations, JwtVerifier verifier) {
    }

    /** One place an auth token is read from. */
    public record TokenLocation(Where where, String name) {
    }

    public enum Where { HEADER, QUERY, COOKIE }

    static final ApiAuthentication KEYLESS = new ApiAuthentication(false, List.of(), null, false, null, List.of());

    public static ApiAuthentication of(ApiDefinition api) {
        JsonNode doc = api.document();
        JsonNode auth = doc == null ? null : doc.at("/x-tyk-api-gateway/server/authentication");
        if (auth == null || !auth.path("enabled").asBoolean(false)) {
            return KEYLESS;
        }
        Set<String> schemeNames = new LinkedHashSet<>();
        auth.path("securitySchemes").fields().forEachRemaining(e -> {
            if (e.getValue().path("enabled").asBoolean(true)) {
                schemeNames.add(e.getKey());
            }
        });
        if (schemeNames.isEmpty()) {
            doc.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(schemeNames::add));
        }
        Set<TokenLocation> locations = new LinkedHashSet<>();
        Jwt jwt = null;
        boolean basic = false;
        List<String> unsupported = new ArrayList<>();
        for (String name : schemeNames) {
            JsonNode openApi = doc.at("/components/securitySchemes/" + name.replace("~", "~0").replace("/", "~1"));
            JsonNode tyk = auth.path("securitySchemes").path(name);
            if ("apiKey".equals(openApi.path("type").asText())) {
                location(openApi.path("in").asText("header"), openApi.path("name").asText("Authorization"), locations);
                extraLocations(tyk, locations);
            } else if ("http".equals(openApi.path("type").asText()) && "basic".equalsIgnoreCase(openApi.path("scheme").asText())) {
                basic = true;
            } else if (isBearerJwt(openApi) && jwt == null) {
                Set<TokenLocation> at = new LinkedHashSet<>();
                extraLocations(tyk, at);
                if (at.isEmpty()) {
                    at.add(new TokenLocation(Where.HEADER, "Authorization"));
                }
                try {
                    jwt = new Jwt(List.copyOf(at), new JwtVerifier(tyk));
                } catch (IllegalArgumentException e) {
                    unsupported.add(name + " (JWT not usable: " + e.getMessage() + ")");
                }
            } else {
                unsupported.add(name + " (" + describe(openApi) + ")");
            }
        }
        // HMAC signatures live only in Tyk's extension, not in OpenAPI's security schemes.
        HmacVerifier hmac = auth.path("hmac").path("enabled").asBoolean(false) ? new HmacVerifier(auth.path("hmac")) : null;
        if (locations.isEmpty() && jwt == null && !basic && hmac == null && unsupported.isEmpty()) {
            // Authentication on with no scheme named: Tyk's default auth token in the Authorization header.
            locations.add(new TokenLocation(Where.HEADER, "Authorization"));
        }
        return new ApiAuthentication(true, List.copyOf(locations), jwt, basic, hmac, List.copyOf(unsupported));
    }

    /** Tyk's extension may name more places for a token: {@code header}/{@code query}/{@code cookie} {enabled, name}. */
    private static void extraLocations(JsonNode tyk, Set<TokenLocation> locations) {
        for (String where : List.of("header", "query", "cookie")) {
            JsonNode extra = tyk.path(where);
            if (extra.path("enabled").asBoolean(false) && !extra.path("name").asText("").isEmpty()) {
                location(where, extra.path("name").asText(), locations);
            }
        }
    }

    private static boolean isBearerJwt(JsonNode openApi) {
        return "http".equals(openApi.path("type").asText()) && "bearer".equalsIgnoreCase(openApi.path("scheme").asText())
                && "JWT".equalsIgnoreCase(openApi.path("bearerFormat").asText("JWT"));
    }

    private static void location(String in, String name, Set<TokenLocation> locations) {
        Where where = switch (in) {
            case "query" -> Where.QUERY;
            case "cookie" -> Where.COOKIE;
            default -> Where.HEADER;
        };
        locations.add(new TokenLocation(where, name));
    }

    private static String describe(JsonNode scheme) {
        if (scheme.isMissingNode()) {
            return "not declared in components.securitySchemes";
        }
        String type = scheme.path("type").asText("?");
        return scheme.has("scheme") ? type + " " + scheme.path("scheme").asText() : type;
    }
}
