/**
 * What the operating system says about a process: whether it still runs (a zombie does not) and, on Linux, the
 * fields of its {@code /proc/<pid>/stat} line; OSHI where there is no {@code /proc}. Shared by the host-process
 * providers and the Python runtime, which both wait for processes they killed to be gone. Depends on no other module.
 */
package io.github.dqualizer.ctk.osprocess;
