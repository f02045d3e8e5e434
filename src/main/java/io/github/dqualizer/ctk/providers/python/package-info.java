/**
 * The {@code python} provider type: calls a registered {@code PythonFunction} with chaoslib's argument binding.
 * Published to {@code engine}, which runs it.
 */
@NamedInterface("python")
package io.github.dqualizer.ctk.providers.python;

import org.springframework.modulith.NamedInterface;
