package io.sluice.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;

/**
 * A Tyk key session ({@code access_rights}, {@code expires}, {@code rate}/{@code per}, {@code quota_*},
 * {@code meta_data}, …), kept as the JSON the Gateway API was given so that every field round-trips, with typed
 * reads of the ones the gateway acts on.
 */
public final class Session {

    private final ObjectNode json;

    public Session(ObjectNode json) {
        this.json = json;
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
