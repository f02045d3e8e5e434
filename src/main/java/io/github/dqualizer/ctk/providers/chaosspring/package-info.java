/**
 * Java implementations of chaostoolkit-spring's {@code chaosspring.actions} and {@code chaosspring.probes}:
 * they drive Chaos Monkey for Spring Boot through the target's actuator endpoint {@code /chaosmonkey}.
 *
 * <p>Each function is a {@link io.github.dqualizer.ctk.providers.PythonFunction} bean; they share
 * {@link io.github.dqualizer.ctk.providers.chaosspring.ChaosMonkeyClient} for HTTP. Differences from
 * chaosspring 0.3.2 are listed in {@code docs/ctk-compatibility.md}.
 */
package io.github.dqualizer.ctk.providers.chaosspring;
