package io.github.dqualizer.ctk.jobs.progress;

import java.util.Locale;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.context.JobDashboardLogger;
import org.jobrunr.jobs.context.JobDashboardProgressBar;

/**
 * One run's progress bar and log in JobRunr's dashboard: a line per finished activity with its name, status and
 * duration only (never arguments or outputs). Thread-safe: background activities report from their own threads.
 */
final class DashboardProgress {

    private static final int MAX_NAME = 120;

    private final JobDashboardProgressBar bar;
    private final JobDashboardLogger logger;
    private long total;
    private long succeeded;
    private long failed;

    DashboardProgress(JobContext job, long planned) {
        this.total = planned;
        this.bar = job.progressBar(planned);
        this.logger = job.logger();
    }

    synchronized void finished(String phase, String name, String status, Object duration) {
        if ("succeeded".equals(status)) {
            succeeded++;
        } else {
            failed++;
        }
        total = Math.max(total, succeeded + failed);
        bar.setProgress(total, succeeded, failed);
        String line = String.format(Locale.ROOT, "%s '%s' %s in %s s", phase, shortened(name), status, seconds(duration));
        if ("succeeded".equals(status)) {
            logger.info(line);
        } else if ("failed".equals(status)) {
            logger.warn(line);
        } else {
            logger.error(line);
        }
    }

    /** A probe that succeeded but missed its tolerance counts as a failure in the bar, and says so. */
    synchronized void toleranceMissed(String phase, String probe) {
        if (succeeded > 0) {
            succeeded--;
            failed++;
            bar.setProgress(total, succeeded, failed);
        }
        logger.warn(String.format(Locale.ROOT, "%s: probe '%s' missed its tolerance", phase, shortened(probe)));
    }

    /** The run ended: what did run is the whole, so the bar ends full (less its failures). */
    synchronized void ended() {
        total = succeeded + failed;
        bar.setProgress(total, succeeded, failed);
    }

    private static String shortened(String name) {
        String oneLine = String.valueOf(name).replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_NAME ? oneLine : oneLine.substring(0, MAX_NAME - 1) + "…";
    }

    private static String seconds(Object duration) {
        return duration instanceof Number n ? String.format(Locale.ROOT, "%.3f", n.doubleValue()) : "?";
    }
}
