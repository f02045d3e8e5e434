package io.github.dqualizer.ctk.providers.python;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.PythonFunction;
import io.github.dqualizer.ctk.providers.RunContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls a {@link PythonFunction} as chaoslib's python provider does (6.1): injects {@code configuration} and
 * {@code secrets}, binds the arguments, maps every exception to {@code ActivityFailed("<Type>: <message>")}.
 * An interruption (InterruptedException or interrupt flag) is passed on: the run was cancelled.
 */
public final class PythonProvider {

    private PythonProvider() {
    }

    /**
     * @param secrets the merged secrets of the provider's scopes, or {@code null} when the provider has no
     *                {@code secrets} key
     */
    public static Object call(PythonFunction function, Map<String, Object> arguments, Map<String, Object> configuration,
            Map<String, Object> secrets, RunContext context) throws InterruptedException {
        Map<String, Object> args = new LinkedHashMap<>(arguments);
        if (declares(function, "configuration")) {
            args.put("configuration", new LinkedHashMap<>(configuration));
        }
        if (secrets != null && declares(function, "secrets")) {
            args.put("secrets", secrets);
        }
        bind(function, args);
        try {
            Object result = function.invoke(args, context);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while running " + name(function));
            }
            return result;
        } catch (InterruptedException e) {
            throw e;
        } catch (ActivityFailedException e) {
            throw new ActivityFailedException("chaoslib.exceptions.ActivityFailed: " + e.getMessage(), e);
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while running " + name(function));
            }
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw new ActivityFailedException(e.getClass().getSimpleName() + ": " + message, e);
        }
    }

    /** Python raises a TypeError when calling with missing or unexpected keyword arguments. */
    private static void bind(PythonFunction function, Map<String, Object> args) {
        for (FunctionParameter p : function.parameters()) {
            if (p.required() && !args.containsKey(p.name())) {
                throw new ActivityFailedException("TypeError: " + function.func()
                        + "() missing 1 required positional argument: '" + p.name() + "'");
            }
        }
        if (!function.acceptsAnyArguments()) {
            for (String key : args.keySet()) {
                if (!declares(function, key)) {
                    throw new ActivityFailedException("TypeError: " + function.func()
                            + "() got an unexpected keyword argument '" + key + "'");
                }
            }
        }
    }

    private static boolean declares(PythonFunction function, String name) {
        for (FunctionParameter p : function.parameters()) {
            if (p.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String name(PythonFunction function) {
        return function.module() + "." + function.func();
    }
}
