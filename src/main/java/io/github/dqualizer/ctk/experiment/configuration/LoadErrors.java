package io.github.dqualizer.ctk.experiment.configuration;

/** Receives the errors found while loading configuration/secrets; the key is then left out. */
@FunctionalInterface
public interface LoadErrors {

    /**
     * @param location JSON location of the failing entry, e.g. {@code configuration.url}
     * @param error    a {@link ConfigurationException} or a {@code PythonError}
     */
    void report(String location, RuntimeException error);

    /** Fails on the first error, as chaoslib does. */
    static LoadErrors throwing() {
        return (location, error) -> {
            throw error;
        };
    }
}
