/**
 * What the providers keep of an activity's output (process stdout/stderr, HTTP response bodies): at most a
 * configured number of bytes, the rest read and discarded (a process never blocks on a full pipe), the
 * truncation marked in the text the journal stores.
 */
package io.github.dqualizer.ctk.providers.output;
