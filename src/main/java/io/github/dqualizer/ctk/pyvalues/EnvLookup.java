package io.github.dqualizer.ctk.pyvalues;

/** Reads process environment variables; replaceable so tests need not touch the real environment. */
@FunctionalInterface
public interface EnvLookup {

    /** Value of the variable, or {@code null} when it is not set. */
    String get(String name);

    static EnvLookup system() {
        return System::getenv;
    }
}
