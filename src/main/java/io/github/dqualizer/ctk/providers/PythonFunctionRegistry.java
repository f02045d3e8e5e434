package io.github.dqualizer.ctk.providers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Finds the Java implementations of CTK python-provider functions by {@code module.func}. */
@Component
public class PythonFunctionRegistry {

    private final Map<String, PythonFunction> functions = new TreeMap<>();
    // looked up for every python activity: by module, then function, without building "module.func"
    private final Map<String, Map<String, PythonFunction>> byModule = new HashMap<>();

    public PythonFunctionRegistry(List<PythonFunction> functions) {
        for (PythonFunction function : functions) {
            String name = qualifiedName(function.module(), function.func());
            PythonFunction previous = this.functions.putIfAbsent(name, function);
            if (previous != null) {
                throw new IllegalStateException("python function '" + name + "' is registered twice: by "
                        + previous.getClass().getName() + " and " + function.getClass().getName());
            }
            byModule.computeIfAbsent(function.module(), m -> new HashMap<>()).put(function.func(), function);
        }
    }

    public Optional<PythonFunction> find(String module, String func) {
        Map<String, PythonFunction> functions = byModule.get(module);
        return functions == null ? Optional.empty() : Optional.ofNullable(functions.get(func));
    }

    /** Whether any function is registered under that module. */
    public boolean hasModule(String module) {
        return byModule.containsKey(module);
    }

    /** Sorted {@code module.func} names. */
    public List<String> supportedNames() {
        return List.copyOf(functions.keySet());
    }

    private static String qualifiedName(String module, String func) {
        return module + "." + func;
    }
}
