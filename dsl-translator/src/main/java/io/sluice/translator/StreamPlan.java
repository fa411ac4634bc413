package io.sluice.translator;

import java.util.List;
import org.apache.camel.builder.RouteBuilder;

/**
 * A translated stream: the Camel routes that run it, and what to tell the operator about it.
 *
 * @param notYetActedOn JSON paths of fields that were accepted for compatibility but have no effect yet
 */
public record StreamPlan(String apiId, String streamName, List<String> routeIds, RouteBuilder routes,
                         List<HttpEndpoint> endpoints, List<String> notYetActedOn) {
}
