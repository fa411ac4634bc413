package io.sluice.limits;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.auth.Session;
import io.sluice.routes.front.FrontExchange;
import org.apache.camel.Exchange;

/**
 * The limits that apply to the request's key: its {@code access_rights[api].limit} when that sets the field
 * in question (the key then has a separate allowance for this API), otherwise the key's own.
 *
 * @param name   what the allowance is counted under: the key, or the key and the API
 * @param values the JSON object to read the limit fields from
 */
record KeyLimit(String name, JsonNode values) {

    /** @return null for keyless requests */
    static KeyLimit of(Exchange exchange, String field) {
        Session session = exchange.getProperty(FrontExchange.SESSION, Session.class);
        if (session == null) {
            return null;
        }
        String apiId = FrontExchange.api(exchange).id();
        String key = exchange.getProperty(FrontExchange.KEY, String.class);
        JsonNode perApi = session.json().path("access_rights").path(apiId).path("limit");
        return perApi.path(field).asDouble(0) > 0 ? new KeyLimit(key + "\n" + apiId, perApi)
                : new KeyLimit(key, session.json());
    }
}
