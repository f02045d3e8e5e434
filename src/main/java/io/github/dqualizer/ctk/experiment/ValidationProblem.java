package io.github.dqualizer.ctk.experiment;

/**
 * One reason why an experiment is invalid.
 *
 * @param location JSON location such as {@code method[2].provider.path}; empty for the whole document
 * @param message  chaoslib's message for the problem
 */
public record ValidationProblem(String location, String message) {
}
