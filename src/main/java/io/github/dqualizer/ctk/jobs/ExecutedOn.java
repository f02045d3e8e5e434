package io.github.dqualizer.ctk.jobs;

import io.github.dqualizer.ctk.engine.journal.JournalWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import io.github.dqualizer.ctk.jobs.jobrunr.CurrentJob;

/** Says where a run executed: {@code host} in the journal's {@code dqualizer-ctk} block and in the job's dashboard log. */
final class ExecutedOn {

    private ExecutedOn() {
    }

    /** A copy of the journal whose service block (created last when it had none) names the host. */
    static Map<String, Object> stamp(Map<String, Object> journal, String host) {
        Map<String, Object> stamped = new LinkedHashMap<>(journal);
        Map<String, Object> service = new LinkedHashMap<>();
        if (journal.get(JournalWriter.SERVICE_KEY) instanceof Map<?, ?> existing) {
            existing.forEach((key, value) -> service.put(String.valueOf(key), value));
        }
        service.put("host", host);
        stamped.put(JournalWriter.SERVICE_KEY, service);
        return stamped;
    }

    /** An INFO line in the log of the job this thread executes (JobRunr's dashboard): JobRunr OSS has no server tags. */
    static void logToDashboard(String host) {
        CurrentJob.executing().ifPresent(job -> job.logger().info("Executing on host " + host));
    }
}
