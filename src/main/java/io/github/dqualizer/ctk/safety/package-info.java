/**
 * The execution-safety policy every provider goes through: what of the service's own environment an experiment
 * and its child processes may see ({@link io.github.dqualizer.ctk.safety.ChildEnvironment}). Depends on no other
 * module of the service, so providers, the engine, validation and the Python runtime can all use it.
 */
package io.github.dqualizer.ctk.safety;
