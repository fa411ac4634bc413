package io.sluice.routes.front;

import io.sluice.routes.apis.Operations;
import io.sluice.translator.model.ApiDefinition;
import org.apache.camel.Exchange;

/** The exchange properties the front route's filters share. */
public final class FrontExchange {

    /** The {@link HttpExchange} being served. */
    public static final String HTTP = "sluice.http";
    /** The matched {@link ApiDefinition}. */
    public static final String API = "sluice.api";
    /** The request path with the listen path stripped (always starts with {@code /}). */
    public static final String STREAM_PATH = "sluice.streamPath";
    /** The OpenAPI operation the request matched ({@code Operations.Operation}), absent when none did. */
    public static final String OPERATION = "sluice.operation";
    /** The authenticated key's session, set by the authentication filter (absent for keyless APIs). */
    public static final String SESSION = "sluice.session";
    /** The key (auth token) the session was found under, set with {@link #SESSION}. */
    public static final String KEY = "sluice.key";
    /** Set when a stream binding or the proxy took the request over and will answer it. */
    public static final String HANDED_OVER = "sluice.handedOver";

    private FrontExchange() {
    }

    public static HttpExchange http(Exchange exchange) {
        return exchange.getProperty(HTTP, HttpExchange.class);
    }

    public static ApiDefinition api(Exchange exchange) {
        return exchange.getProperty(API, ApiDefinition.class);
    }

    public static Operations.Operation operation(Exchange exchange) {
        return exchange.getProperty(OPERATION, Operations.Operation.class);
    }

    public static void handOver(Exchange exchange) {
        exchange.setProperty(HANDED_OVER, Boolean.TRUE);
    }
}
