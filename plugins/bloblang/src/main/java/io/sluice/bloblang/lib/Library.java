package io.sluice.bloblang.lib;

import io.sluice.bloblang.exec.Closure;
import io.sluice.bloblang.exec.Ctx;
import io.sluice.bloblang.exec.FailedAssignment;
import io.sluice.bloblang.exec.Fn;
import io.sluice.bloblang.exec.Literal;
import io.sluice.bloblang.value.AnnotatedError;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.TypeError;
import io.sluice.bloblang.value.TypeMismatchError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** The registry of Bloblang functions and methods. */
public final class Library {
    /** Builds a method node from its target and bound arguments (parse time). */
    @FunctionalInterface
    public interface MethodCtor {
        Fn create(Fn target, Args args);
    }

    /** A method that works on the evaluated target value. */
    @FunctionalInterface
    public interface SimpleMethod {
        Object apply(Object target, Object[] args, Ctx ctx);
    }

    /** Builds the implementation of a plugin method from its argument values (see {@link #pluginCtor}). */
    @FunctionalInterface
    public interface PluginFactory {
        SimpleMethod create(Object[] args);
    }

    /** Builds a function node from bound arguments (parse time). */
    @FunctionalInterface
    public interface FunctionCtor {
        Fn create(Args args);
    }

    /** A function evaluated with its resolved arguments. */
    @FunctionalInterface
    public interface SimpleFunction {
        Object apply(Object[] args, Ctx ctx);
    }

    private static final class Entry<T> {
        final Signature sig;
        final T impl;

        Entry(Signature sig, T impl) {
            this.sig = sig;
            this.impl = impl;
        }
    }

    /** The environment {@code env()} reads while a mapping is parsed with its own (see {@link #withEnvironment}). */
    private static final ThreadLocal<Function<String, String>> PARSE_ENVIRONMENT = new ThreadLocal<>();

    private static final Map<String, Entry<MethodCtor>> METHODS = new HashMap<>();
    private static final Map<String, Entry<FunctionCtor>> FUNCTIONS = new HashMap<>();

    static {
        CoreFunctions.register();
        CoreMethods.register();
        StringMethods.register();
        NumberMethods.register();
        StructuredMethods.register();
        TimeMethods.register();
        EncodingMethods.register();
        ParsingMethods.register();
        CryptoMethods.register();
        NotImplemented.register();
    }

    private Library() {
    }

    /**
     * Runs a parse whose {@code env()} calls read {@code environment} instead of the process
     * environment: each call binds the lookup in force when it is parsed.
     */
    public static <T> T withEnvironment(Function<String, String> environment, Supplier<T> parse) {
        Function<String, String> outer = PARSE_ENVIRONMENT.get();
        PARSE_ENVIRONMENT.set(environment);
        try {
            return parse.get();
        } finally {
            if (outer == null) {
                PARSE_ENVIRONMENT.remove();
            } else {
                PARSE_ENVIRONMENT.set(outer);
            }
        }
    }

    /** The environment variables a function parsed now should read. */
    static Function<String, String> environment() {
        Function<String, String> env = PARSE_ENVIRONMENT.get();
        return env != null ? env : System::getenv;
    }

    static void methodCtor(String name, Signature sig, MethodCtor ctor) {
        METHODS.put(name, new Entry<>(sig, ctor));
    }

    static void method(String name, Signature sig, SimpleMethod impl) {
        methodCtor(name, sig, (target, args) -> simple(name, target, args, impl));
    }

    /**
     * A method Bento registers as a "V2 plugin": its errors are not prefixed with the target's
     * annotation and, when {@code foldable} (Bento's {@code Static()}), a literal target with literal
     * arguments is evaluated while parsing, so its failures are parse errors.
     */
    static void plugin(String name, Signature sig, boolean foldable, SimpleMethod impl) {
        pluginCtor(name, sig, foldable, args -> impl);
    }

    /**
     * A plugin method whose implementation is built from its arguments, as Bento's constructors
     * do: with literal arguments it is built once at parse time (a bad argument is a parse error),
     * otherwise on every call.
     */
    static void pluginCtor(String name, Signature sig, boolean foldable, PluginFactory factory) {
        methodCtor(name, sig, (target, args) -> {
            String annotation = "method " + name;
            if (!args.allStatic()) {
                return new Closure(annotation, target.readsContext() || args.readsContext(), ctx -> {
                    Object v = target.exec(ctx);
                    Object[] a = args.resolve(ctx);
                    return factory.create(a).apply(v, a, ctx);
                });
            }
            Object[] a = args.staticValues();
            SimpleMethod impl = factory.create(a);
            if (foldable && target.isLiteral()) {
                return new Literal(impl.apply(((Literal) target).value(), a, null), annotation);
            }
            return new Closure(annotation, target.readsContext(), ctx -> impl.apply(target.exec(ctx), a, ctx));
        });
    }

    static void functionCtor(String name, Signature sig, FunctionCtor ctor) {
        FUNCTIONS.put(name, new Entry<>(sig, ctor));
    }

    static void function(String name, Signature sig, SimpleFunction impl) {
        functionCtor(name, sig, args -> new Closure("function " + name, args.readsContext(), ctx -> {
            Object[] a = args.resolve(ctx);
            return impl.apply(a, ctx);
        }));
    }

    /** Context-free function whose result may be computed once (pure and no dynamic args). */
    static void contextFreeFunction(String name, Signature sig, SimpleFunction impl) {
        functionCtor(name, sig, args -> new Closure("function " + name, false, ctx -> impl.apply(args.resolve(ctx), ctx)));
    }

    static boolean hasMethod(String name) {
        return METHODS.containsKey(name);
    }

    static boolean hasFunction(String name) {
        return FUNCTIONS.containsKey(name);
    }

    public static Fn simple(String name, Fn target, Args args, SimpleMethod impl) {
        return new Closure("method " + name, target.readsContext() || args.readsContext(), ctx -> {
            Object v = target.exec(ctx);
            Object[] a = args.resolve(ctx);
            try {
                return impl.apply(v, a, ctx);
            } catch (EvalError e) {
                throw errFrom(e, target);
            }
        });
    }

    /** Bento's ErrFrom: prefixes an error with the expression it came from, once. */
    public static EvalError errFrom(EvalError e, Fn from) {
        if (e instanceof TypeError) {
            return ((TypeError) e).withFromIfAbsent(from.annotation());
        }
        if (e instanceof TypeMismatchError || e instanceof AnnotatedError || e instanceof FailedAssignment) {
            return e;
        }
        return new AnnotatedError(from.annotation() + ": " + e.getMessage(), e);
    }

    /** Creates a method node; parse-time failures are thrown as {@link EvalError}. */
    public static Fn newMethod(String name, Fn target, List<Fn> positional, Map<String, Fn> named) {
        Entry<MethodCtor> e = METHODS.get(name);
        if (e == null) {
            throw new EvalError("unrecognised method '" + name + "'");
        }
        Args args = Args.bind(e.sig, positional, named);
        return e.impl.create(target, args);
    }

    public static Fn newFunction(String name, List<Fn> positional, Map<String, Fn> named) {
        Entry<FunctionCtor> e = FUNCTIONS.get(name);
        if (e == null) {
            throw new EvalError("unrecognised function '" + name + "'");
        }
        Args args = Args.bind(e.sig, positional, named);
        return e.impl.create(args);
    }

    public static boolean isMethod(String name) {
        return METHODS.containsKey(name);
    }

    public static boolean isFunction(String name) {
        return FUNCTIONS.containsKey(name);
    }
}
