package io.sluice.runtime.cli;

import io.sluice.runtime.ApiDeployer;
import io.sluice.translator.HttpEndpoint;
import io.sluice.translator.Problem;
import io.sluice.translator.StreamPlan;
import io.sluice.translator.model.ApiDefinition;
import java.io.PrintStream;
import java.util.List;

/** What the operator sees at startup: where Sluice listens, each API with its stream endpoints, and every problem. */
final class StartupReport {

    private StartupReport() {
    }

    static void print(PrintStream out, String listen, String appPath, List<ApiDeployer.Outcome> outcomes) {
        long served = outcomes.stream().filter(ApiDeployer.Outcome::deployed).count();
        out.printf("Sluice listening on %s%n", listen);
        out.printf("Loaded %d of %d API definitions from %s%n", served, outcomes.size(), appPath);
        for (ApiDeployer.Outcome o : outcomes) {
            if (!o.deployed()) {
                continue;
            }
            ApiDefinition api = o.plan().api();
            out.printf("  %s (id %s) at %s%s  [%s]%n", api.name(), api.id(), api.listenPath(),
                    api.active() ? "" : " — inactive, not served", o.source());
            if (!api.hasStreams()) {
                out.printf("      proxied to %s%n", api.upstreamUrl().isEmpty() ? "(no upstream)" : api.upstreamUrl());
            }
            for (StreamPlan s : o.plan().streams()) {
                if (s.endpoints().isEmpty()) {
                    out.printf("      stream %s: runs in the background%n", s.streamName());
                }
                for (HttpEndpoint e : s.endpoints()) {
                    String base = api.listenPath().equals("/") ? "" : api.listenPath();
                    out.printf("      %-5s %-40s stream %s, %s%n", e.methods(), base + e.path(), s.streamName(), e.purpose());
                }
                for (String note : s.notYetActedOn()) {
                    out.printf("      warning: accepted, not acted on yet: %s%n", note);
                }
            }
        }
        for (ApiDeployer.Outcome o : outcomes) {
            for (Problem p : o.problems()) {
                out.println("ERROR " + p);
            }
        }
    }
}
