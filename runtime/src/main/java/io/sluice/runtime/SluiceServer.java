package io.sluice.runtime;

import io.sluice.auth.AuthTokenFilter;
import io.sluice.auth.InMemoryKeyStore;
import io.sluice.auth.Keys;
import io.sluice.auth.Policies;
import io.sluice.limits.ApiRateLimitFilter;
import io.sluice.limits.InMemoryLimitStore;
import io.sluice.limits.KeyRateLimitFilter;
import io.sluice.limits.LimitStore;
import io.sluice.limits.QuotaFilter;
import io.sluice.redis.RedisStorage;
import io.sluice.routes.Gateway;
import io.sluice.auth.InMemoryPolicyStore;
import io.sluice.auth.PolicyStore;
import io.sluice.runtime.api.KeysApi;
import io.sluice.runtime.api.PoliciesApi;
import java.time.Clock;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.translator.registry.ComponentRegistry;
import io.sluice.routes.front.SharedRouter;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A running Sluice: one CamelContext, one Vert.x HTTP server on the listen port serving every API, and the APIs
 * of the app_path deployed into it. The standalone program and the tests both start it through here.
 */
public final class SluiceServer implements AutoCloseable {

    private final SluiceConfig config;
    private final CamelContext camel;
    private final Vertx vertx;
    private final VertxPlatformHttpServer http;
    private final Gateway gateway;
    private final ApiDeployer deployer;
    /** The shared Redis when tyk.conf names one, else null. */
    private final RedisStorage storage;

    private SluiceServer(SluiceConfig config, CamelContext camel, Vertx vertx, VertxPlatformHttpServer http,
                         Gateway gateway, RedisStorage storage) {
        this.config = config;
        this.storage = storage;
        this.camel = camel;
        this.vertx = vertx;
        this.http = http;
        this.gateway = gateway;
        this.deployer = new ApiDeployer(gateway, ComponentRegistry.discover(), config.allowUnsafe(),
                config.streamingEnabled());
    }

    /** Starts the HTTP server and the gateway front, with no API deployed yet. */
    public static SluiceServer start(SluiceConfig config) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("sluice");
        // Stream routes are stopped by the gateway itself, which first releases the clients they wait for.
        camel.getShutdownStrategy().setTimeout(10);
        Vertx vertx = Vertx.vertx();
        camel.getRegistry().bind("vertx", vertx);
        VertxPlatformHttpServerConfiguration httpConf = new VertxPlatformHttpServerConfiguration();
        httpConf.setBindPort(config.listenPort());
        httpConf.setBindHost(config.listenAddress().isEmpty() ? "0.0.0.0" : config.listenAddress());
        VertxPlatformHttpServer http = new VertxPlatformHttpServer(httpConf);
        camel.addService(http, true, true);
        RedisStorage storage = null;
        try {
            // Several nodes share keys and limits through Redis; one node alone keeps them in memory.
            storage = config.storage().configured() ? SharedStorage.open(config.storage()) : null;
            Keys keys = new Keys(storage != null ? storage.keyStore() : new InMemoryKeyStore(),
                    config.hashing().keyHashing());
            LimitStore limits = storage != null ? storage.limitStore() : new InMemoryLimitStore();
            PolicyStore policyStore = new InMemoryPolicyStore();
            if (config.policyPath() != null) {
                PoliciesApi.load(config.policyPath(), policyStore);
            }
            Policies policies = new Policies(policyStore);
            camel.start();
            // Tyk's chain order: authenticate, then key-level rate limit and quota, then the API-level rate limit.
            Gateway gateway = Gateway.install(camel, List.of(new AuthTokenFilter(keys, policies, Clock.systemUTC()),
                    new KeyRateLimitFilter(limits), new QuotaFilter(limits, Clock.systemUTC()),
                    new ApiRateLimitFilter(limits)), config.proxyTimeout());
            new KeysApi(keys, policies, config.hashing().enableHashedKeysListing(), config.secret())
                    .mount(SharedRouter.find(camel));
            new PoliciesApi(policyStore, config.secret()).mount(SharedRouter.find(camel));
            // The port as configured (0 included): Vert.x shares a socket among servers that asked for the same address.
            listenOnEveryCore(vertx, SharedRouter.find(camel), httpConf.getBindHost(), httpConf.getBindPort());
            return new SluiceServer(config, camel, vertx, http, gateway, storage);
        } catch (Exception e) {
            camel.stop();
            vertx.close();
            if (storage != null) {
                storage.close();
            }
            throw e;
        }
    }

    /**
     * Camel's platform-http server is one Vert.x server instance, so one event loop thread would carry every
     * connection. More instances on the same port (Vert.x spreads connections among them) share the same
     * router, so the gateway uses every core.
     */
    private static void listenOnEveryCore(Vertx vertx, Router router, String host, int port) throws Exception {
        int extra = Runtime.getRuntime().availableProcessors() - 1;
        if (extra < 1) {
            return;
        }
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                vertx.createHttpServer(new HttpServerOptions()).requestHandler(router).listen(port, host)
                        .<Void>mapEmpty().onComplete(started);
            }
        }, new DeploymentOptions().setInstances(extra)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Deploys every definition file of the config's app_path; each outcome says what ran or what was wrong. */
    public List<ApiDeployer.Outcome> loadAppPath() throws IOException {
        return loadFolder(config.appPath());
    }

    public List<ApiDeployer.Outcome> loadFolder(Path folder) throws IOException {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        for (Path file : ApiFolder.definitionFiles(folder)) {
            documents.put(file.toString(), Files.readAllBytes(file));
        }
        return deployer.deployAll(documents);
    }

    public ApiDeployer.Outcome deploy(String source, byte[] content) {
        return deployer.deploy(source, content);
    }

    public int port() {
        return http.getPort();
    }

    public SluiceConfig config() {
        return config;
    }

    public CamelContext camel() {
        return camel;
    }

    public Gateway gateway() {
        return gateway;
    }

    @Override
    public void close() {
        gateway.close();
        camel.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        if (storage != null) {
            storage.close();
        }
    }
}
