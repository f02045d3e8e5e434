/**
 * Loading a run's {@code configuration} and {@code secrets} blocks (env, inline, chaoslib's value conversion).
 * Published to {@code engine}, which loads them when a run starts.
 */
@NamedInterface("configuration")
package io.github.dqualizer.ctk.experiment.configuration;

import org.springframework.modulith.NamedInterface;
