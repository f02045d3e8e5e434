/**
 * The {@code process} provider type and the executable allow-list ({@code ctk.process.*}). Published to
 * {@code engine} (runs it) and {@code experiment} (validates commands against the same policy).
 */
@NamedInterface("process")
package io.github.dqualizer.ctk.providers.process;

import org.springframework.modulith.NamedInterface;
