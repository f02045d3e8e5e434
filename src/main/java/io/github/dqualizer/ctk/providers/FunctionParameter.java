package io.github.dqualizer.ctk.providers;

/** One declared parameter of a {@link PythonFunction}; {@code required} = no default value. */
public record FunctionParameter(String name, boolean required) {

    public static FunctionParameter required(String name) {
        return new FunctionParameter(name, true);
    }

    public static FunctionParameter optional(String name) {
        return new FunctionParameter(name, false);
    }
}
