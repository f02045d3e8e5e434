package io.github.dqualizer.ctk.jobs.store;

import java.util.List;

/** One page of runs, newest first, and how many there are in all; what {@code GET /experiments} lists. */
public record RunPage(List<StoredRun> items, long total) {
}
