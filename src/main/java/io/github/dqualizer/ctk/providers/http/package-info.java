/**
 * The {@code http} provider type. Published to {@code engine}, which runs it.
 */
@NamedInterface("http")
package io.github.dqualizer.ctk.providers.http;

import org.springframework.modulith.NamedInterface;
