package io.sluice.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * A Tyk key session ({@code access_rights}, {@code expires}, {@code rate}/{@code per}, {@code quota_*},
 * {@code meta_data}, …), kept as the JSON the Gateway API was given so that every field round-trips, with typed
 * reads of the ones the gateway acts on.
 */
public final class Session {

    /** What the typed fields of Tyk's SessionState must be, for {@link #malformed}. */
    private enum Shape {
        NUMBER("a number"), BOOLEAN("true or false"), TEXT("a string"), OBJECT("an object"),
        TEXT_LIST("a list of strings");

        final String description;

        Shape(String description) {
            this.description = description;
        }
    }

    private static final Map<String, Shape> FIELDS = Map.ofEntries(
            Map.entry("allowance", Shape.NUMBER), Map.entry("rate", Shape.NUMBER), Map.entry("per", Shape.NUMBER),
            Map.entry("expires", Shape.NUMBER), Map.entry("quota_max", Shape.NUMBER),
            Map.entry("quota_renews", Shape.NUMBER), Map.entry("quota_remaining", Shape.NUMBER),
            Map.entry("quota_renewal_rate", Shape.NUMBER), Map.entry("throttle_interval", Shape.NUMBER),
            Map.entry("throttle_retry_limit", Shape.NUMBER), Map.entry("is_inactive", Shape.BOOLEAN),
            Map.entry("hmac_enabled", Shape.BOOLEAN), Map.entry("hmac_string", Shape.TEXT),
            Map.entry("org_id", Shape.TEXT), Map.entry("alias", Shape.TEXT), Map.entry("access_rights", Shape.OBJECT),
            Map.entry("meta_data", Shape.OBJECT), Map.entry("basic_auth_data", Shape.OBJECT),
            Map.entry("apply_policies", Shape.TEXT_LIST), Map.entry("tags", Shape.TEXT_LIST));

    /** The session its policies made and the policy-set version it was made from: {@link Policies}' cache. */
    record Effective(long policyVersion, Session session) {
    }

    private final ObjectNode json;
    /** Lives and dies with this object, so a changed key (always a new Session) is never served an old result. */
    volatile Effective effective;

    public Session(ObjectNode json) {
        this.json = json;
    }

    /**
     * What Tyk's typed decoding of a session would refuse, e.g. {@code "rate": "ten"}; null when nothing. Only the
     * fields Tyk types are checked; others round-trip as they are.
     */
    public static String malformed(ObjectNode json) {
        for (Map.Entry<String, Shape> field : FIELDS.entrySet()) {
            JsonNode value = json.get(field.getKey());
            if (value == null || value.isNull()) {
                continue;
            }
            boolean fits = switch (field.getValue()) {
                case NUMBER -> value.isNumber();
                case BOOLEAN -> value.isBoolean();
                case TEXT -> value.isTextual();
                case OBJECT -> value.isObject();
                case TEXT_LIST -> value.isArray() && allText(value);
            };
            if (!fits) {
                return field.getKey() + " must be " + field.getValue().description + ", got " + value;
            }
        }
        JsonNode rights = json.path("access_rights");
        for (Iterator<Map.Entry<String, JsonNode>> it = rights.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> right = it.next();
            if (!right.getValue().isObject() && !right.getValue().isNull()) {
                return "access_rights." + right.getKey() + " must be an object, got " + right.getValue();
            }
        }
        return null;
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    public ObjectNode json() {
        return json;
    }

    /** Keys with no access rights ("master keys") may call every API, as in Tyk. */
    public boolean mayAccess(String apiId) {
        JsonNode rights = json.get("access_rights");
        return rights == null || !rights.isObject() || rights.isEmpty() || rights.has(apiId);
    }

    public boolean hasAccessRights() {
        JsonNode rights = json.get("access_rights");
        return rights != null && rights.isObject() && !rights.isEmpty();
    }

    /** {@code expires}: Unix seconds; 0 or negative means never. */
    public boolean isExpired(Instant now) {
        long expires = json.path("expires").asLong(0);
        return expires > 0 && expires < now.getEpochSecond();
    }

    public boolean isInactive() {
        return json.path("is_inactive").asBoolean(false);
    }

    /** {@code meta_data} values as text, for {@code $tyk_meta.*} later. */
    public String metadata(String key) {
        JsonNode v = json.path("meta_data").get(key);
        return v == null ? null : v.isTextual() ? v.asText() : v.toString();
    }

    Iterator<String> apiIds() {
        return json.path("access_rights").fieldNames();
    }
}
