package ctktest;

import io.github.dqualizer.ctk.providers.ActivityFailedException;
import io.github.dqualizer.ctk.providers.FunctionParameter;
import io.github.dqualizer.ctk.providers.PythonFunction;
import io.github.dqualizer.ctk.providers.PythonFunctionRegistry;
import io.github.dqualizer.ctk.providers.RunContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only python functions (module {@code conformance.functions}); kept outside the main package so that
 * they are never component-scanned.
 */
public final class TestFunctions {

    public static final String MODULE = "conformance.functions";

    private TestFunctions() {
    }

    public static PythonFunctionRegistry registry() {
        return new PythonFunctionRegistry(all());
    }

    public static List<PythonFunction> all() {
        List<PythonFunction> functions = new ArrayList<>();
        functions.add(fn("ret", List.of(FunctionParameter.optional("value")), (a, c) -> a.get("value")));
        functions.add(fn("fail", List.of(FunctionParameter.optional("message")), (a, c) -> {
            throw new RuntimeException(String.valueOf(a.getOrDefault("message", "oops")));
        }));
        functions.add(fn("activity_failed", List.of(FunctionParameter.optional("message")), (a, c) -> {
            throw new ActivityFailedException(String.valueOf(a.getOrDefault("message", "boom")));
        }));
        functions.add(fn("interrupt", List.of(), (a, c) -> {
            throw new InterruptedException("cancelled");
        }));
        // true for the first `k` calls in a run, false afterwards
        functions.add(fn("first_k", List.of(FunctionParameter.required("k")), (a, c) -> {
            AtomicInteger calls = (AtomicInteger) c.attributes().computeIfAbsent("first_k", x -> new AtomicInteger());
            return calls.incrementAndGet() <= ((Number) a.get("k")).intValue();
        }));
        // true for the first `k` calls in a run, then raises
        functions.add(fn("fail_after", List.of(FunctionParameter.required("k")), (a, c) -> {
            AtomicInteger calls = (AtomicInteger) c.attributes().computeIfAbsent("fail_after", x -> new AtomicInteger());
            if (calls.incrementAndGet() > ((Number) a.get("k")).intValue()) {
                throw new IllegalStateException("gone");
            }
            return true;
        }));
        functions.add(fn("counter", List.of(FunctionParameter.optional("name")), (a, c) -> {
            AtomicInteger calls = (AtomicInteger) c.attributes()
                    .computeIfAbsent("counter-" + a.get("name"), x -> new AtomicInteger());
            return calls.incrementAndGet();
        }));
        functions.add(fn("below", List.of(FunctionParameter.optional("value"), FunctionParameter.optional("limit")),
                (a, c) -> ((Number) a.get("value")).doubleValue() < ((Number) a.getOrDefault("limit", 3)).doubleValue()));
        functions.add(fn("sleep", List.of(FunctionParameter.required("seconds")), (a, c) -> {
            Thread.sleep((long) (((Number) a.get("seconds")).doubleValue() * 1000));
            return null;
        }));
        functions.add(fn("echo_secrets", List.of(FunctionParameter.optional("secrets")), (a, c) -> a.get("secrets")));
        functions.add(fn("echo_configuration", List.of(FunctionParameter.optional("configuration")),
                (a, c) -> a.get("configuration")));
        functions.add(fn("echo_arguments", List.of(FunctionParameter.optional("a"), FunctionParameter.optional("b")),
                (a, c) -> new LinkedHashMap<>(a)));
        functions.add(fn("context_experiment", List.of(), (a, c) -> c.experiment().get("secrets")));
        return functions;
    }

    @FunctionalInterface
    interface Body {
        Object call(Map<String, Object> arguments, RunContext context) throws Exception;
    }

    private static PythonFunction fn(String name, List<FunctionParameter> parameters, Body body) {
        return new PythonFunction() {
            public String module() {
                return MODULE;
            }

            public String func() {
                return name;
            }

            public List<FunctionParameter> parameters() {
                return parameters;
            }

            public Object invoke(Map<String, Object> arguments, RunContext context) throws Exception {
                return body.call(arguments, context);
            }
        };
    }
}
