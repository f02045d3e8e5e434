package io.github.dqualizer.ctk.providers.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.util.unit.DataSize;

/**
 * Reads output keeping at most {@code limit} bytes of each stream. {@link #collect(Process)} reads a running
 * process's stdout and stderr to the end and discards what is over the limit (a child writing into a full pipe
 * would block); {@link #readPrefix} stops at the limit (an HTTP body need not be downloaded to be dropped).
 * Memory per stream: the kept bytes plus one 64 KB buffer, whatever the output's size.
 */
public final class BoundedOutputCollector {

    /** The default of {@code ctk.engine.max-output-size}. */
    public static final DataSize DEFAULT_LIMIT = DataSize.ofMegabytes(1);

    private static final int BUFFER = 64 * 1024;
    private static final long FIRST_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long LONGEST_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** One reader thread per running process; a thread ends 60 s after its last process. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "ctk-output-reader-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

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

    /** Starts reading {@code process}'s stdout and stderr until it has exited and its pipes are empty. */
    public ProcessOutput collect(Process process) {
        Stream stdout = new Stream(process.getInputStream());
        Stream stderr = new Stream(process.getErrorStream());
        return new ProcessOutput(CompletableFuture.supplyAsync(() -> {
            try {
                readUntilExited(process, stdout, stderr);
                return new ProcessStreams(stdout.result(), stderr.result());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                stdout.close();
                stderr.close();
            }
        }, READERS));
    }

    /**
     * Reads only what {@link InputStream#available()} says is there, never blocking in a read: a blocked read
     * would not end when the process exits if a background descendant inherited the pipe and keeps it open.
     * After the exit, what the process wrote is still in the pipe (or in the JDK's copy of it); once that is
     * read, reading ends, as with chaoslib only for the process itself.
     */
    private static void readUntilExited(Process process, Stream stdout, Stream stderr) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long wait = FIRST_WAIT_NANOS;
        while (true) {
            boolean exited = !process.isAlive(); // before reading: everything written before the exit is readable now
            boolean read = stdout.readAvailable(buffer) | stderr.readAvailable(buffer);
            if (read) {
                wait = FIRST_WAIT_NANOS;
                continue;
            }
            if (exited) {
                return;
            }
            try {
                process.onExit().get(wait, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                wait = Math.min(wait * 2, LONGEST_WAIT_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                return;
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

    /** The output of a process being read. */
    public static final class ProcessOutput {

        private final CompletableFuture<ProcessStreams> result;

        private ProcessOutput(CompletableFuture<ProcessStreams> result) {
            this.result = result;
        }

        /** Waits until the process has exited and its pipes are read. */
        public ProcessStreams await() throws InterruptedException, IOException {
            try {
                return result.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof UncheckedIOException unchecked) {
                    throw unchecked.getCause();
                }
                throw new IOException("reading the output failed: " + cause, cause);
            }
        }
    }
}
