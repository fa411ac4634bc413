package io.sluice.routes.streams;

import io.sluice.routes.front.HttpExchange;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Locale;
import org.apache.camel.CamelContext;
import io.sluice.routes.front.SharedRouter;

/** What both HTTP stream ends need from their context: the shared registries and the Vert.x instance. */
final class StreamEndpointSupport {

    private StreamEndpointSupport() {
    }

    static StreamBindings bindings(CamelContext context) {
        StreamBindings b = context.getRegistry().lookupByNameAndType(StreamBindings.BEAN_NAME, StreamBindings.class);
        if (b == null) {
            b = new StreamBindings();
            context.getRegistry().bind(StreamBindings.BEAN_NAME, b);
        }
        return b;
    }

    static Vertx vertx(CamelContext context) {
        return SharedRouter.find(context).vertx();
    }

    /** Parses the {@code <apiId>/<stream>} part of a stream-end URI. */
    static String[] apiAndStream(String remaining) {
        int slash = remaining.indexOf('/');
        if (slash <= 0 || slash == remaining.length() - 1) {
            throw new IllegalArgumentException("expected <apiId>/<stream>, got '" + remaining + "'");
        }
        return new String[] {remaining.substring(0, slash), remaining.substring(slash + 1)};
    }

    /** @return false after answering 405, when the request's method is not among {@code verbs} */
    static boolean allowVerb(HttpExchange http, List<String> verbs) {
        String method = http.request().method().name().toUpperCase(Locale.ROOT);
        for (String v : verbs) {
            if (v.equalsIgnoreCase(method)) {
                return true;
            }
        }
        http.replyError(405, "Incorrect method");
        return false;
    }
}
