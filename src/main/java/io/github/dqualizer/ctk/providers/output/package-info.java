/**
 * What the providers keep of an activity's output (process stdout/stderr, HTTP response bodies): at most a
 * configured number of bytes, the rest read and dropped (a process never blocks on a full pipe), the
 * truncation marked in the text the journal stores. Published to {@code experiment} for the default of
 * {@code ctk.engine.max-output-size}.
 */
@NamedInterface("output")
package io.github.dqualizer.ctk.providers.output;

import org.springframework.modulith.NamedInterface;
