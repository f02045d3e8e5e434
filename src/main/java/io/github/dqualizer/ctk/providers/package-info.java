/**
 * The provider SPI ({@link io.github.dqualizer.ctk.providers.PythonFunction},
 * {@link io.github.dqualizer.ctk.providers.PythonFunctionRegistry}, {@link io.github.dqualizer.ctk.providers.RunContext},
 * the activity exceptions) and its implementations: the built-in provider types ({@code process}, {@code http},
 * {@code python}, published to the engine and validator) and the python functions ({@code host},
 * {@code chaosspring}, found only through the registry). It must not know runs, persistence, the engine or HTTP.
 */
package io.github.dqualizer.ctk.providers;
