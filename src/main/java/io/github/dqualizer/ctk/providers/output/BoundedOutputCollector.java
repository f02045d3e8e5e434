package io.github.dqualizer.ctk.providers.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.util.unit.DataSize;

/**
 * Reads output keeping at most {@code limit} bytes of each stream. {@link #read(Process, Long)} reads a running
 * process's stdout and stderr to the end and discards what is over the limit (a child writing into a full pipe
 * would block); {@link #readPrefix} stops at the limit (an HTTP body need not be downloaded to be dropped).
 * Memory per stream: the kept bytes plus one 64 KB buffer, whatever the output's size.
 */
public final class BoundedOutputCollector {

    /** The default of {@code ctk.engine.max-output-size}. */
    public static final DataSize DEFAULT_LIMIT = DataSize.ofMegabytes(1);

    private static final int BUFFER = 64 * 1024;
    // A process's exit ends waitFor at once, so the pause before any output only bounds how long a process that fills
    // a pipe early waits to be drained; most short processes exit within it. Each pause that runs out is a wake-up
    // of the reading thread: starting at 50 µs and doubling, a trivial activity cost four (docs/benchmarks.md).
    private static final long FIRST_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    // Once output flows, it is read again soon, so a process writing a lot is not held up by a full pipe.
    private static final long WAIT_AFTER_OUTPUT_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    // While a process runs silently the reading thread wakes once per longest pause: 20 ms made 50 wake-ups a second
    // for a `sleep 60` (issue 18: the service must not load the host it measures). A longer one only delays the first
    // drain of a pipe that a silent process then fills at once; its exit, or an interrupt, still ends the pause.
    private static final long LONGEST_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private final int limit;

    /** @param limit the most bytes kept of one stream */
    public BoundedOutputCollector(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        this.limit = limit;
    }

    /**
     * Reads at most {@code limit} bytes and one more to learn whether there are more; the caller closes
     * {@code in} and so drops the rest unread.
     */
    public CapturedOutput readPrefix(InputStream in) throws IOException {
        byte[] kept = in.readNBytes(limit);
        boolean more = kept.length == limit && in.read() >= 0;
        return new CapturedOutput(kept, more, more ? -1 : kept.length);
    }

    /**
     * Reads {@code process}'s stdout and stderr on the calling thread until it has exited and its pipes are empty, or
     * until {@code deadlineNanoTime} ({@link System#nanoTime()}) passes while it still runs: then empty, the process
     * still running (the caller kills it). A reader thread per process would cost two thread hand-offs per activity
     * (docs/benchmarks.md, "Process start and per-activity cost"); the pipes are read from the start either way, so a
     * child never blocks on a full pipe, whatever it prints.
     *
     * @param deadlineNanoTime when to give up on a process still running, or {@code null} for never
     * @throws InterruptedException when the calling thread is interrupted (the process may still run)
     */
    public Optional<ProcessStreams> read(Process process, Long deadlineNanoTime) throws InterruptedException, IOException {
        Stream stdout = new Stream(process.getInputStream());
        Stream stderr = new Stream(process.getErrorStream());
        try {
            return readUntilExited(process, stdout, stderr, deadlineNanoTime)
                    ? Optional.of(new ProcessStreams(stdout.result(), stderr.result())) : Optional.empty();
        } finally {
            stdout.close();
            stderr.close();
        }
    }

    /**
     * Reads only what {@link InputStream#available()} says is there, never blocking in a read: a blocked read
     * would not end when the process exits if a background descendant inherited the pipe and keeps it open.
     * After the exit, what the process wrote is still in the pipe (or in the JDK's copy of it); once that is
     * read, reading ends, as with chaoslib only for the process itself. False when the deadline passed first.
     */
    private static boolean readUntilExited(Process process, Stream stdout, Stream stderr, Long deadlineNanoTime)
            throws IOException, InterruptedException {
        byte[] buffer = new byte[BUFFER];
        long wait = FIRST_WAIT_NANOS;
        while (true) {
            boolean exited = !process.isAlive(); // before reading: everything written before the exit is readable now
            boolean read = stdout.readAvailable(buffer) | stderr.readAvailable(buffer);
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped reading the output of process " + process.pid());
            }
            if (read) {
                wait = WAIT_AFTER_OUTPUT_NANOS;
                continue;
            }
            if (exited) {
                return true;
            }
            long pause = wait;
            if (deadlineNanoTime != null) {
                long left = deadlineNanoTime - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                pause = Math.min(pause, left);
            }
            // waitFor is woken by the JDK's reaper thread itself; onExit() would add a hop through the common pool
            if (!process.waitFor(pause, TimeUnit.NANOSECONDS)) {
                wait = Math.min(wait * 2, LONGEST_WAIT_NANOS);
            }
        }
    }

    /** One stream's kept start and byte count. */
    private final class Stream {

        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long total;

        Stream(InputStream in) {
            this.in = in;
        }

        /** Reads what is there without blocking; true when anything was read. */
        boolean readAvailable(byte[] buffer) throws IOException {
            int available = in.available();
            if (available <= 0) {
                return false;
            }
            int n = in.read(buffer, 0, Math.min(available, buffer.length));
            if (n <= 0) {
                return false;
            }
            int keep = (int) Math.max(0, Math.min(n, limit - total));
            kept.write(buffer, 0, keep);
            total += n;
            return true;
        }

        CapturedOutput result() {
            return new CapturedOutput(kept.toByteArray(), total > limit, total);
        }

        void close() {
            try {
                in.close();
            } catch (IOException e) {
                // nothing more to read from it anyway
            }
        }
    }

    /** What was kept of a process's two streams. */
    public record ProcessStreams(CapturedOutput stdout, CapturedOutput stderr) {
    }
}
