/**
 * The Python side of python activities and controls of modules that are not built into the service: a worker
 * process per running experiment speaking a line protocol (ADR 0006). Depends only on {@code safety} (the child
 * environment the worker starts with) and {@code osprocess} (whether a killed process is gone).
 */
package io.github.dqualizer.ctk.pythonruntime;
