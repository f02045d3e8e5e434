package io.github.dqualizer.ctk.experiment.configuration;

/** chaoslib's {@code InvalidExperiment} raised while loading configuration or secrets. */
class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}
