package io.github.dqualizer.ctk.jobs.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.context.JobDashboardLogger;
import org.jobrunr.jobs.context.JobDashboardProgressBar;

/**
 * One run's progress bar and log in JobRunr's dashboard: a line per finished activity with its name, status and
 * duration only (never arguments or outputs). Thread-safe: background activities report from their own threads.
 */
final class DashboardProgress {

    private static final int MAX_NAME = 120;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

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
        // concatenation, not String.format: this runs once per activity, and the formatter's locale set-up was more
        // than a third of the engine's own work around a trivial process activity (docs/benchmarks.md, "Issue 18:
        // three jars instead of 132")
        String line = phase + " '" + shortened(name) + "' " + status + " in " + seconds(duration) + " s";
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
        String oneLine = WHITESPACE.matcher(String.valueOf(name)).replaceAll(" ");
        return oneLine.length() <= MAX_NAME ? oneLine : oneLine.substring(0, MAX_NAME - 1) + "…";
    }

    /** Three decimals, rounded half up as {@code %.3f} does. */
    private static String seconds(Object duration) {
        if (!(duration instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            return "?";
        }
        return BigDecimal.valueOf(n.doubleValue()).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }
}
