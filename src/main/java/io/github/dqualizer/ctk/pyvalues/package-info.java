/**
 * Python's value semantics as chaoslib sees them (truthiness, equality, {@code str()}/{@code repr()}, regular
 * expressions, the exceptions a Python call raises as {@link io.github.dqualizer.ctk.pyvalues.PythonError}) and
 * environment lookup ({@link io.github.dqualizer.ctk.pyvalues.EnvLookup}, {@code os.environ}). Used by experiment,
 * engine and providers alike, so it depends on no other module and must know nothing of them.
 */
package io.github.dqualizer.ctk.pyvalues;
