package io.sluice.runtime;

import io.sluice.routes.Gateway;
import io.sluice.routes.StreamStartException;
import io.sluice.translator.ApiPlan;
import io.sluice.translator.DefinitionException;
import io.sluice.translator.Problem;
import io.sluice.translator.StreamTranslator;
import io.sluice.translator.model.ApiDefinition;
import io.sluice.translator.model.ApiDefinitionParser;
import io.sluice.translator.registry.ComponentRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns API definition documents into running APIs: parse, translate every stream, deploy. A definition that
 * fails never reaches the gateway, so what was serving keeps serving.
 */
public final class ApiDeployer {

    /** What became of one definition: the plan that runs, or the problems that stopped it. */
    public record Outcome(String source, ApiPlan plan, List<Problem> problems) {
        public boolean deployed() {
            return plan != null;
        }
    }

    private final Gateway gateway;
    private final ApiDefinitionParser parser = new ApiDefinitionParser();
    private final StreamTranslator translator;
    private final boolean streamingEnabled;

    public ApiDeployer(Gateway gateway, ComponentRegistry registry, Set<String> allowUnsafe, boolean streamingEnabled) {
        this.gateway = gateway;
        this.translator = new StreamTranslator(registry, allowUnsafe);
        this.streamingEnabled = streamingEnabled;
    }

    public Outcome deploy(String source, byte[] content) {
        ApiPlan plan;
        try {
            ApiDefinition api = parser.parse(source, content);
            if (!streamingEnabled) {
                // As Tyk with streaming off: the API is served, its streams are not (requests go to the upstream).
                api = new ApiDefinition(api.source(), api.id(), api.name(), api.active(), api.listenPath(),
                        api.stripListenPath(), api.upstreamUrl(), Map.of(), api.document(), api.locations());
            }
            plan = translator.translate(api);
        } catch (DefinitionException e) {
            return new Outcome(source, null, e.problems());
        }
        try {
            gateway.deploy(plan);
            return new Outcome(source, plan, List.of());
        } catch (StreamStartException e) {
            String stream = e.streamName();
            String path = plan.api().streams().containsKey(stream) ? plan.api().streams().get(stream).jsonPath() : null;
            int[] at = path == null ? new int[2] : plan.api().locations().locate(path);
            return new Outcome(source, null, List.of(new Problem(source, plan.api().name(), stream, path, at[0], at[1],
                    "could not start: " + StreamStartException.reason(e.getCause()))));
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(source, null, List.of(new Problem(source, plan.api().name(), null, null, 0, 0,
                    "could not start: " + why)));
        }
    }

    /** Deploys several definitions, each on its own: one broken file does not stop the others. */
    public List<Outcome> deployAll(Map<String, byte[]> documents) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        documents.forEach((source, content) -> outcomes.put(source, deploy(source, content)));
        return List.copyOf(outcomes.values());
    }
}
