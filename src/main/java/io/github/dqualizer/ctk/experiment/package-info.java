/**
 * The CTK document: reading JSON/YAML, chaoslib's validation rules ({@code ExperimentValidator}), configuration
 * and secrets loading ({@code experiment.configuration}) and the JSONPath dialect of tolerances
 * ({@code experiment.jsonpath}). It asks {@code providers} which functions and executables exist. It must not know
 * runs, persistence, HTTP or JobRunr, and does no I/O beyond environment lookups and executable resolution.
 */
package io.github.dqualizer.ctk.experiment;
