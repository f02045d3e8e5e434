package io.github.dqualizer.ctk.providers;

import io.github.dqualizer.ctk.providers.process.ExecutablePolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function that experiments call through a CTK {@code python} provider, implemented in Java.
 *
 * <p>Implementations are Spring beans; the {@link PythonFunctionRegistry} finds them by
 * {@link #module()} and {@link #func()} exactly as experiments name them.
 */
public interface PythonFunction {

    /** Dotted module path as written in {@code provider.module}, e.g. {@code chaosspring.actions}. */
    String module();

    /** Function name as written in {@code provider.func}. */
    String func();

    /**
     * Declared parameters in signature order. A parameter named {@code configuration} or
     * {@code secrets} is injected by the engine the way chaoslib does it.
     */
    List<FunctionParameter> parameters();

    /**
     * Calls the function. {@code arguments} holds the substituted provider arguments plus the
     * injected {@code configuration}/{@code secrets} when declared. Any exception fails the
     * activity (CTK {@code ActivityFailed}); throw {@link ActivityFailedException} for a clear
     * message. Blocking work must honour thread interruption: it is how runs are cancelled.
     */
    Object invoke(Map<String, Object> arguments, RunContext context) throws Exception;

    /**
     * Whether the function takes {@code **kwargs}: then arguments not listed in {@link #parameters()} are
     * accepted by validation instead of being reported as "not part of the function signature".
     */
    default boolean acceptsAnyArguments() {
        return false;
    }

    /**
     * Why {@code policy} refuses the program these arguments would start, when the function starts one and the
     * arguments name it literally (no {@code ${…}}): validation answers 400 instead of queuing the run.
     */
    default Optional<String> executableRefusal(Map<?, ?> arguments, ExecutablePolicy policy) {
        return Optional.empty();
    }
}
