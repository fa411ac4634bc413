package io.sluice.translator;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.translator.model.ApiDefinition;
import io.sluice.translator.model.ApiDefinitionParser;
import io.sluice.translator.model.StreamDefinition;
import io.sluice.translator.registry.ComponentRegistry;
import io.sluice.translator.registry.ComponentTranslator;
import io.sluice.translator.registry.InputTranslator;
import io.sluice.translator.registry.NearestNames;
import io.sluice.translator.registry.OutputTranslator;
import io.sluice.translator.registry.ProcessorTranslator;
import io.sluice.translator.spec.ComponentConfig;
import io.sluice.translator.spec.ComponentKind;
import io.sluice.translator.spec.ConfigValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * Compiles the streams of an API definition into Camel routes: one route per stream, consuming from the
 * input's endpoint, through the input's, the pipeline's and the output's processors, to the output. Every
 * problem in every stream is collected before failing, so one run shows the user all they have to fix.
 */
public final class StreamTranslator {

    /** Bento's stream root keys; the ones we do not act on yet are listed in the startup warning. */
    private static final Set<String> ROOT_KEYS = Set.of("input", "pipeline", "output", "input_resources",
            "output_resources", "processor_resources", "rate_limit_resources", "cache_resources", "buffer", "metrics",
            "tracer", "shutdown_delay", "shutdown_timeout", "http", "logger", "tests");
    private static final Set<String> ROOT_KEYS_ACTED_ON = Set.of("input", "pipeline", "output");

    /** Tyk's block-list of components that touch the gateway host (ee/middleware/streams/stream.go). */
    private static final Map<ComponentKind, Set<String>> UNSAFE = Map.of(
            ComponentKind.INPUT, Set.of("csv", "dynamic", "file", "inproc", "socket", "socket_server", "stdin", "subprocess"),
            ComponentKind.PROCESSOR, Set.of("command", "subprocess", "wasm"),
            ComponentKind.OUTPUT, Set.of("file", "inproc", "socket"));

    private final ComponentRegistry registry;
    private final Set<String> allowUnsafe;

    public StreamTranslator(ComponentRegistry registry, Set<String> allowUnsafe) {
        this.registry = registry;
        this.allowUnsafe = Set.copyOf(allowUnsafe);
    }

    /** @throws DefinitionException with every problem of every stream */
    public ApiPlan translate(ApiDefinition api) {
        List<StreamPlan> plans = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (StreamDefinition stream : api.streams().values()) {
            StreamContext ctx = new StreamContext(api, stream);
            StreamPlan plan = translate(stream, ctx);
            problems.addAll(ctx.problems());
            if (plan != null) {
                plans.add(plan);
            }
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        return new ApiPlan(api, plans);
    }

    private StreamPlan translate(StreamDefinition stream, StreamContext ctx) {
        String base = stream.jsonPath();
        stream.config().fieldNames().forEachRemaining(key -> {
            String path = base + "/" + ApiDefinitionParser.escape(key);
            if (!ROOT_KEYS.contains(key)) {
                List<String> near = NearestNames.of(key, ROOT_KEYS);
                ctx.problem(path, "unknown stream field '" + key + "'"
                        + (near.isEmpty() ? "" : "; did you mean " + NearestNames.quoted(near) + "?"));
            } else if (!ROOT_KEYS_ACTED_ON.contains(key)) {
                ctx.notYetActedOn(path, "not supported by Sluice yet");
            }
        });
        Compilation nested = new Compilation(ctx);
        ctx.nesting(nested);
        Step input = required(stream, "input", ComponentKind.INPUT, ctx);
        List<Step> pipeline = pipeline(stream.config().get("pipeline"), base + "/pipeline", ctx);
        Step output = required(stream, "output", ComponentKind.OUTPUT, ctx);
        if (input == null || output == null || !ctx.problems().isEmpty()) {
            return null;
        }
        List<Step> processors = new ArrayList<>(input.processors);
        processors.addAll(pipeline);
        processors.addAll(output.processors);
        // The input comes first so that what it declares (its request timeout) reaches the outputs.
        input.declare();
        for (NestedRoute r : nested.inputs) {
            r.steps.get(0).declare();
            r.steps.get(0).processors.forEach(Step::declare);
        }
        processors.forEach(Step::declare);
        output.declare();
        nested.routes.forEach(r -> r.steps.forEach(Step::declare));
        String fromUri = ((InputTranslator) input.translator).endpointUri(input.config, input.ctx);
        for (NestedRoute r : nested.inputs) {
            Step in = r.steps.get(0);
            r.fromUri = ((InputTranslator) in.translator).endpointUri(in.config, in.ctx);
        }
        if (!ctx.problems().isEmpty()) {
            return null;
        }
        String routeId = ctx.routeId("input");
        RouteBuilder routes = new RouteBuilder() {
            @Override
            public void configure() {
                // Failures go back to the input (an HTTP error reply, a broker redelivery): never swallowed or retried here.
                errorHandler(noErrorHandler());
                // Nested routes first: they consume the direct: endpoints the stream's route sends to.
                nested.routes.forEach(r -> r.configure(from(r.fromUri).routeId(r.id)));
                RouteDefinition route = from(fromUri).routeId(routeId);
                ((InputTranslator) input.translator).afterConsume(route, input.config, input.ctx);
                appendAll(route, processors);
                ((OutputTranslator) output.translator).appendTo(route, output.config, output.ctx);
                // Fan-in inputs last: the route they feed is up before they consume anything.
                nested.inputs.forEach(r -> r.configure(from(r.fromUri).routeId(r.id)));
            }
        };
        List<String> routeIds = new ArrayList<>();
        nested.inputs.forEach(r -> routeIds.add(r.id)); // stopped first, so nothing new comes in
        routeIds.add(routeId);
        nested.routes.forEach(r -> routeIds.add(r.id));
        return new StreamPlan(ctx.apiId(), stream.name(), List.copyOf(routeIds), routes, List.copyOf(ctx.endpoints()),
                List.copyOf(ctx.notYetActedOn()));
    }

    /** Appends each processor step to the route; a step may open a block and return its inside as the new tail. */
    private static ProcessorDefinition<?> appendAll(ProcessorDefinition<?> tail, List<Step> steps) {
        for (Step p : steps) {
            tail = ((ProcessorTranslator) p.translator).appendTo(tail, p.config, p.ctx);
        }
        return tail;
    }

    /** The routes a stream's composites nest, keyed by JSON path so that registering twice gives the same route. */
    private final class Compilation implements StreamContext.Nesting {
        private final StreamContext ctx;
        private final List<NestedRoute> routes = new ArrayList<>();
        private final List<NestedRoute> inputs = new ArrayList<>();
        private final Map<String, String> uris = new HashMap<>();

        Compilation(StreamContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public String processors(JsonNode list, String jsonPath, Processor first) {
            return uris.computeIfAbsent(jsonPath, path -> {
                int before = ctx.problems().size();
                List<Step> steps = StreamTranslator.this.processors(list == null || list.isMissingNode() ? null : list,
                        path, ctx.scopedTo(path));
                if (ctx.problems().size() != before) {
                    return null;
                }
                NestedRoute r = new NestedRoute(ctx.routeIdAt(path), "direct:" + ctx.routeIdAt(path), steps, null);
                r.first = first;
                routes.add(r);
                return r.fromUri;
            });
        }

        @Override
        public String processor(JsonNode component, String jsonPath) {
            return single(component, ComponentKind.PROCESSOR, jsonPath);
        }

        @Override
        public String output(JsonNode component, String jsonPath) {
            return single(component, ComponentKind.OUTPUT, jsonPath);
        }

        /** One processor, or one output after its own processors, as a route from {@code direct:}. */
        private String single(JsonNode component, ComponentKind kind, String jsonPath) {
            return uris.computeIfAbsent(jsonPath, path -> {
                Step step = component(component, kind, path, ctx.scopedTo(path));
                if (step == null) {
                    return null;
                }
                List<Step> steps = new ArrayList<>(step.processors);
                steps.add(step);
                NestedRoute r = new NestedRoute(ctx.routeIdAt(path), "direct:" + ctx.routeIdAt(path), steps, null);
                routes.add(r);
                return r.fromUri;
            });
        }

        @Override
        public String input(JsonNode component, String jsonPath, String target) {
            return uris.computeIfAbsent(jsonPath, path -> {
                Step in = component(component, ComponentKind.INPUT, path, ctx.scopedTo(path));
                if (in == null) {
                    return null;
                }
                // The input's endpoint is only known once every component declared what it serves (see translate).
                NestedRoute r = new NestedRoute(ctx.routeIdAt(path), null, new ArrayList<>(List.of(in)), target);
                inputs.add(r);
                return r.id;
            });
        }
    }

    /**
     * A route of nested components. Outputs and processor lists consume {@code direct:<id>}; a nested input consumes
     * from its own endpoint (its first step) and sends to {@code target}.
     */
    private static final class NestedRoute {
        final String id;
        String fromUri;
        /** Runs before the steps (a branch's request map), or null. */
        Processor first;
        final List<Step> steps;
        final String target;

        NestedRoute(String id, String fromUri, List<Step> steps, String target) {
            this.id = id;
            this.fromUri = fromUri;
            this.steps = steps;
            this.target = target;
        }

        void configure(RouteDefinition route) {
            if (target == null) {
                ProcessorDefinition<?> tail = route;
                if (first != null) {
                    tail = tail.process(first);
                } else if (steps.isEmpty()) {
                    tail = tail.process(exchange -> { }); // an empty case: Camel wants a route to have a step
                }
                for (Step s : steps) {
                    if (s.translator instanceof OutputTranslator o) {
                        o.appendTo(tail, s.config, s.ctx);
                    } else {
                        tail = ((ProcessorTranslator) s.translator).appendTo(tail, s.config, s.ctx);
                    }
                }
                return;
            }
            Step in = steps.get(0);
            ((InputTranslator) in.translator).afterConsume(route, in.config, in.ctx);
            appendAll(route, in.processors).to(target);
        }
    }

    private Step required(StreamDefinition stream, String key, ComponentKind kind, StreamContext ctx) {
        JsonNode node = stream.config().get(key);
        String path = stream.jsonPath() + "/" + key;
        if (node == null || node.isNull()) {
            ctx.problem(path.substring(0, path.lastIndexOf('/')), "the stream has no " + key
                    + " (every stream needs exactly one " + key + ")");
            return null;
        }
        return component(node, kind, path, ctx);
    }

    private List<Step> pipeline(JsonNode pipeline, String path, StreamContext ctx) {
        if (pipeline == null || pipeline.isNull()) {
            return List.of();
        }
        if (!pipeline.isObject()) {
            ctx.problem(path, "pipeline must be an object with 'processors'");
            return List.of();
        }
        pipeline.fieldNames().forEachRemaining(k -> {
            if (k.equals("threads")) {
                ctx.notYetActedOn(path + "/threads", "each stream route runs its messages in order on its input's thread");
            } else if (!k.equals("processors")) {
                ctx.problem(path + "/" + ApiDefinitionParser.escape(k), "unknown pipeline field '" + k
                        + "' (pipeline has 'processors' and 'threads')");
            }
        });
        return processors(pipeline.get("processors"), path + "/processors", ctx);
    }

    private List<Step> processors(JsonNode list, String path, StreamContext ctx) {
        List<Step> steps = new ArrayList<>();
        if (list == null || list.isNull()) {
            return steps;
        }
        if (!list.isArray()) {
            ctx.problem(path, "processors must be a list");
            return steps;
        }
        for (int i = 0; i < list.size(); i++) {
            Step s = component(list.get(i), ComponentKind.PROCESSOR, path + "/" + i, ctx);
            if (s != null) {
                steps.add(s);
            }
        }
        return steps;
    }

    /**
     * A component object: exactly one type key, plus the optional {@code label} and {@code processors} every
     * input and output accepts.
     */
    private Step component(JsonNode node, ComponentKind kind, String path, StreamContext ctx) {
        if (!node.isObject()) {
            ctx.problem(path, kind.label() + " must be an object naming one component type, e.g. {\"kafka\": {...}}");
            return null;
        }
        List<String> typeKeys = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (k.equals("label")) {
                if (!node.get(k).isTextual()) {
                    ctx.problem(path + "/label", "label must be a string");
                }
            } else if (!(k.equals("processors") && kind != ComponentKind.PROCESSOR)) {
                typeKeys.add(k);
            }
        });
        if (typeKeys.size() != 1) {
            ctx.problem(path, typeKeys.isEmpty()
                    ? kind.label() + " names no component type (expected one of " + new TreeSet<>(registry.types(kind)) + ")"
                    : kind.label() + " names " + typeKeys.size() + " component types " + typeKeys
                    + "; an " + kind.label() + " object holds exactly one (use a broker to combine several)");
            return null;
        }
        String type = typeKeys.get(0);
        String typePath = path + "/" + ApiDefinitionParser.escape(type);
        ComponentTranslator translator = registry.find(kind, type);
        if (UNSAFE.get(kind).contains(type) && !allowUnsafe.contains(type)) {
            ctx.problem(typePath, kind.label() + " '" + type + "' is unsafe (it reaches the gateway host) and is refused;"
                    + " name it in streaming.allow_unsafe to allow it");
            return null;
        }
        if (translator == null) {
            if (registry.isKnownBentoType(kind, type)) {
                ctx.problem(typePath, kind.label() + " '" + type + "' is a Bento component that Sluice does not support yet;"
                        + " supported " + kind.label() + "s: " + new TreeSet<>(registry.types(kind)));
            } else {
                List<String> near = NearestNames.of(type, registry.types(kind));
                ctx.problem(typePath, "unknown " + kind.label() + " type '" + type + "'"
                        + (near.isEmpty() ? "; known: " + new TreeSet<>(registry.types(kind))
                        : "; did you mean " + NearestNames.quoted(near) + "?"));
            }
            return null;
        }
        int before = ctx.problems().size();
        ComponentConfig config = ConfigValidator.validate(translator.spec(), node.get(type), typePath, ctx);
        if (ctx.problems().size() == before) {
            translator.check(config, ctx); // combinations of fields only make sense once each field is valid
        }
        List<Step> own = kind == ComponentKind.PROCESSOR ? List.of()
                : processors(node.get("processors"), path + "/processors", ctx);
        return new Step(translator, config, own, ctx);
    }

    /** One component as translated: {@code ctx} is the (possibly scoped) view it was checked with. */
    private record Step(ComponentTranslator translator, ComponentConfig config, List<Step> processors, StreamContext ctx) {
        void declare() {
            translator.declare(config, ctx);
        }
    }
}
