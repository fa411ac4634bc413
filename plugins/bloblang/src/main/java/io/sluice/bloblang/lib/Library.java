package io.sluice.bloblang.lib;

import io.sluice.bloblang.exec.Closure;
import io.sluice.bloblang.exec.Ctx;
import io.sluice.bloblang.exec.FailedAssignment;
import io.sluice.bloblang.exec.Fn;
import io.sluice.bloblang.value.AnnotatedError;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.TypeError;
import io.sluice.bloblang.value.TypeMismatchError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        NotImplemented.register();
    }

    private Library() {
    }

    static void methodCtor(String name, Signature sig, MethodCtor ctor) {
        METHODS.put(name, new Entry<>(sig, ctor));
    }

    static void method(String name, Signature sig, SimpleMethod impl) {
        methodCtor(name, sig, (target, args) -> simple(name, target, args, impl));
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
