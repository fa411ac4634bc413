package io.sluice.bloblang.lib;

import static io.sluice.bloblang.lib.Param.def;
import static io.sluice.bloblang.lib.Param.opt;
import static io.sluice.bloblang.lib.Param.req;

import io.sluice.bloblang.Message;
import io.sluice.bloblang.exec.Closure;
import io.sluice.bloblang.exec.Ctx;
import io.sluice.bloblang.exec.Fn;
import io.sluice.bloblang.exec.Paths;
import io.sluice.bloblang.lib.Param.Type;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.GoTime;
import io.sluice.bloblang.value.Special;
import io.sluice.bloblang.value.Values;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Functions about the message, the environment and generated values. */
final class CoreFunctions {
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CoreFunctions() {
    }

    private static Message current(Ctx ctx) {
        return ctx.run().referenced();
    }

    static void register() {
        Library.contextFreeFunction("batch_index", Signature.of(), (a, ctx) -> (long) ctx.run().index());
        Library.contextFreeFunction("batch_size", Signature.of(),
                (a, ctx) -> (long) (ctx.run().batch() == null ? 0 : ctx.run().batch().size()));
        Library.contextFreeFunction("content", Signature.of(), (a, ctx) -> current(ctx).content());
        Library.contextFreeFunction("deleted", Signature.of(), (a, ctx) -> Special.DELETED);
        Library.contextFreeFunction("nothing", Signature.of(), (a, ctx) -> Special.NOTHING);
        Library.contextFreeFunction("pi", Signature.of(), (a, ctx) -> Math.PI);
        Library.contextFreeFunction("error", Signature.of(), (a, ctx) -> current(ctx).error());
        Library.contextFreeFunction("errored", Signature.of(), (a, ctx) -> current(ctx).hasError());
        Library.contextFreeFunction("error_source_label", Signature.of(), (a, ctx) -> errorSource(ctx, 1));
        Library.contextFreeFunction("error_source_name", Signature.of(), (a, ctx) -> errorSource(ctx, 1));
        Library.contextFreeFunction("error_source_path", Signature.of(), (a, ctx) -> errorSource(ctx, 2));
        Library.contextFreeFunction("error_source_type", Signature.of(), (a, ctx) -> errorSource(ctx, 0));
        Library.contextFreeFunction("throw", Signature.of(req("why", Type.STRING)), (a, ctx) -> {
            throw new EvalError((String) a[0]);
        });
        Library.contextFreeFunction("var", Signature.of(req("name", Type.STRING)), (a, ctx) -> {
            Map<String, Object> vars = ctx.run().vars();
            if (!vars.containsKey((String) a[0])) {
                throw new EvalError("variable '" + a[0] + "' undefined");
            }
            return vars.get((String) a[0]);
        });
        Library.functionCtor("json", Signature.of(def("path", Type.STRING, "")), args -> {
            Object p = args.staticValues()[0];
            String path = p instanceof String ? (String) p : "";
            String[] segs = Paths.split(path).toArray(new String[0]);
            return new Closure("json path `" + path + "`", false, ctx -> {
                Object[] a = args.resolve(ctx);
                String[] s = a[0] == p ? segs : Paths.split((String) a[0]).toArray(new String[0]);
                Object v = current(ctx).structured();
                return Values.sanitize(Paths.get(v, s));
            });
        });
        Library.functionCtor("metadata", Signature.of(def("key", Type.STRING, "")), args -> new Closure(
                "metadata", false, ctx -> {
                    String key = (String) args.resolve(ctx)[0];
                    Message m = current(ctx);
                    if (key.isEmpty()) {
                        return new LinkedHashMap<>(m.metadata());
                    }
                    return m.metadata().get(key);
                }));
        Library.functionCtor("meta", Signature.of(def("key", Type.STRING, "")), args -> new Closure(
                "meta", false, ctx -> {
                    String key = (String) args.resolve(ctx)[0];
                    Message m = current(ctx);
                    if (key.isEmpty()) {
                        Map<String, Object> out = new LinkedHashMap<>();
                        m.metadata().forEach((k, v) -> out.put(k, Values.toStr(v)));
                        return out;
                    }
                    String s = m.metadataString(key);
                    return s == null || s.isEmpty() ? null : s;
                }));
        Library.functionCtor("root_meta", Signature.of(def("key", Type.STRING, "")), args -> new Closure(
                "root_meta", false, ctx -> {
                    String key = (String) args.resolve(ctx)[0];
                    Message m = ctx.run().newMeta();
                    if (m == null) {
                        throw new EvalError("root metadata cannot be queried in this context");
                    }
                    if (key.isEmpty()) {
                        Map<String, Object> out = new LinkedHashMap<>();
                        m.metadata().forEach((k, v) -> out.put(k, Values.toStr(v)));
                        return out;
                    }
                    String s = m.metadataString(key);
                    return s == null || s.isEmpty() ? null : s;
                }));
        Library.functionCtor("env", Signature.of(req("name", Type.STRING), def("no_cache", Type.BOOL, false)), args -> {
            Function<String, String> environment = Library.environment();
            return new Closure("function env", false, ctx -> environment.apply((String) args.resolve(ctx)[0]));
        });
        Library.contextFreeFunction("hostname", Signature.of(), (a, ctx) -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                throw new EvalError(e.getMessage());
            }
        });
        Library.contextFreeFunction("file", Signature.of(req("path", Type.STRING), def("no_cache", Type.BOOL, false)),
                (a, ctx) -> readFile((String) a[0]));
        Library.contextFreeFunction("file_rel", Signature.of(req("path", Type.STRING), def("no_cache", Type.BOOL, false)),
                (a, ctx) -> readFile((String) a[0]));
        Library.contextFreeFunction("now", Signature.of(), (a, ctx) -> GoTime.formatRfc3339Nano(
                java.time.ZonedDateTime.now(GoTime.LOCAL)));
        Library.contextFreeFunction("timestamp_unix", Signature.of(), (a, ctx) -> Instant.now().getEpochSecond());
        Library.contextFreeFunction("timestamp_unix_milli", Signature.of(), (a, ctx) -> Instant.now().toEpochMilli());
        Library.contextFreeFunction("timestamp_unix_micro", Signature.of(), (a, ctx) -> {
            Instant i = Instant.now();
            return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
        });
        Library.contextFreeFunction("timestamp_unix_nano", Signature.of(), (a, ctx) -> {
            Instant i = Instant.now();
            return i.getEpochSecond() * 1_000_000_000L + i.getNano();
        });
        Library.contextFreeFunction("uuid_v4", Signature.of(), (a, ctx) -> UUID.randomUUID().toString());
        Library.contextFreeFunction("ksuid", Signature.of(), (a, ctx) -> Ids.ksuid());
        Library.contextFreeFunction("nanoid", Signature.of(opt("length", Type.INT), opt("alphabet", Type.STRING)),
                (a, ctx) -> Ids.nanoid(a[0] == Param.ABSENT ? 21 : (Long) a[0],
                        a[1] == Param.ABSENT ? null : (String) a[1]));
        Library.contextFreeFunction("ulid", Signature.of(def("encoding", Type.STRING, "crockford"),
                def("random_source", Type.STRING, "secure_random")), (a, ctx) -> Ids.ulid((String) a[0]));
        Library.contextFreeFunction("snowflake_id", Signature.of(def("node_id", Type.INT, 1L)),
                (a, ctx) -> Ids.snowflake((Long) a[0]));
        Library.contextFreeFunction("tracing_id", Signature.of(), (a, ctx) -> "00000000000000000000000000000000");
        Library.contextFreeFunction("tracing_span", Signature.of(), (a, ctx) -> null);
        Library.contextFreeFunction("flow_id", Signature.of(), (a, ctx) -> null);
        Library.contextFreeFunction("count", Signature.of(req("name", Type.STRING)),
                (a, ctx) -> COUNTS.computeIfAbsent((String) a[0], k -> new AtomicLong()).incrementAndGet());
        Library.functionCtor("random_int", Signature.of(def("seed", Type.QUERY, 0L), def("min", Type.INT, 0L),
                def("max", Type.INT, Long.MAX_VALUE - 1)), CoreFunctions::randomInt);
        Library.contextFreeFunction("range", Signature.of(req("start", Type.INT), req("stop", Type.INT),
                def("step", Type.INT, 1L)), (a, ctx) -> range((Long) a[0], (Long) a[1], (Long) a[2]));
        Library.functionCtor("counter", Signature.of(def("min", Type.QUERY, 1L), def("max", Type.QUERY, Long.MAX_VALUE),
                opt("set", Type.QUERY)), CoreFunctions::counter);
        Library.contextFreeFunction("cosine_similarity", Signature.of(req("a", Type.ANY), req("b", Type.ANY)),
                (a, ctx) -> cosine(a[0], a[1]));
    }

    /** One part (0 type, 1 label, 2 path) of the component that flagged the message, or null. */
    private static Object errorSource(Ctx ctx, int part) {
        String[] source = current(ctx).errorSource();
        return source == null ? null : source[part];
    }

    private static Object readFile(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (java.io.IOException e) {
            throw new EvalError("open " + path + ": no such file or directory");
        }
    }

    private static List<Object> range(long start, long stop, long step) {
        if (step == 0) {
            throw new EvalError("step must be greater than or less than 0");
        }
        if (step > 0 && start >= stop) {
            throw new EvalError("with positive step arg start (" + start + ") must be < stop (" + stop + ")");
        }
        if (step < 0 && start <= stop) {
            throw new EvalError("with negative step arg stop (" + stop + ") must be <= start (" + start + ")");
        }
        List<Object> out = new ArrayList<>();
        if (step > 0) {
            for (long i = start; i < stop; i += step) {
                out.add(i);
            }
        } else {
            for (long i = start; i > stop; i += step) {
                out.add(i);
            }
        }
        return out;
    }

    private static Fn randomInt(Args args) {
        java.util.Random rnd = new java.util.Random();
        Object seedArg = args.staticValues()[0];
        return new Closure("function random_int", false, ctx -> {
            Object[] a = args.resolve(ctx);
            long min = (Long) a[1];
            long max = (Long) a[2];
            if (min > max) {
                throw new EvalError("min (" + min + ") must be less than or equal to max (" + max + ")");
            }
            if (seedArg instanceof Fn) {
                Object seed = ((Fn) seedArg).exec(ctx);
                rnd.setSeed(Values.getInt(seed));
            }
            long span = max - min + 1;
            return min + (span <= 0 ? Math.abs(rnd.nextLong()) : Math.floorMod(rnd.nextLong(), span));
        });
    }

    private static Fn counter(Args args) {
        Object[] sv = args.staticValues();
        Counter counter = new Counter((Fn) sv[0], (Fn) sv[1], sv[2] instanceof Fn ? (Fn) sv[2] : null);
        return new Closure("function counter", false, counter::next);
    }

    private static Object cosine(Object a, Object b) {
        double[] x = vector(a);
        double[] y = vector(b);
        if (x.length != y.length) {
            throw new EvalError("vectors must be equal length");
        }
        if (x.length == 0) {
            throw new EvalError("vectors cannot be empty");
        }
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        if (nx == 0 || ny == 0) {
            throw new EvalError("vectors must not be null (all zeros)");
        }
        // the same float operations as Bento, so the same last digit
        return dot / (Math.sqrt(nx) * Math.sqrt(ny));
    }

    private static double[] vector(Object v) {
        if (!(v instanceof List)) {
            throw new EvalError("vector must be an array of numeric types");
        }
        List<Object> l = Values.asArray(v);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Number)) {
                throw new EvalError("vector must be an array of numeric types");
            }
            out[i] = ((Number) l.get(i)).doubleValue();
        }
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static SecureRandom random() {
        return RANDOM;
    }
}
