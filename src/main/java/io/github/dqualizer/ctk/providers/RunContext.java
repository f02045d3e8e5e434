package io.github.dqualizer.ctk.providers;

import java.util.Map;
import java.util.concurrent.ConcurrentMap;

/**
 * What a provider may know about the run it executes in.
 *
 * @param runId         id of the run (also the JobRunr job id)
 * @param experiment    the submitted experiment, read-only, with secret values masked
 * @param attributes    state shared by the activities of this run only (e.g. when a process was killed)
 */
public record RunContext(String runId, Map<String, Object> experiment, ConcurrentMap<String, Object> attributes) {
}
