package io.github.dqualizer.ctk.providers.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Cleaner;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A child started by {@link PosixSpawnStarter}, with the JDK's semantics: exit code 128 + signal for a killed
 * child, {@code destroy} closes the streams, stdin inherited (so {@link #getOutputStream()} is the JDK's null
 * stream). There is no reaper thread: the exit is awaited with {@code ppoll} on a pidfd, and the child is reaped
 * by whichever call first sees it gone (or, for a process object dropped while its child runs, after the child's
 * exit). It is never signalled after it was reaped, so a reused pid is never hit.
 */
final class SpawnedProcess extends Process {

    /** An untimed or long wait blocks in slices of this, so that it notices an interrupt (a native wait does not). */
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final OutputStream NULL_STDIN = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("Stream closed");
        }
    };

    private final Child child;
    private final PipeInputStream stdout;
    private final PipeInputStream stderr;
    private ProcessHandle handle; // guarded by child

    SpawnedProcess(int pid, int pidfd, int stdoutFd, int stderrFd, Cleaner cleaner) {
        this.child = new Child(pid, new NativeFd(pidfd, Libc.malloc(8 + Libc.ERRNO_STATE.byteSize())));
        this.stdout = new PipeInputStream(stdoutFd, cleaner);
        this.stderr = new PipeInputStream(stderrFd, cleaner);
        cleaner.register(this, child);
    }

    @Override
    public long pid() {
        return child.pid;
    }

    @Override
    public OutputStream getOutputStream() {
        return NULL_STDIN;
    }

    @Override
    public InputStream getInputStream() {
        return stdout;
    }

    @Override
    public InputStream getErrorStream() {
        return stderr;
    }

    @Override
    public boolean isAlive() {
        return !child.reap();
    }

    @Override
    public int exitValue() {
        synchronized (child) {
            if (!child.reap()) {
                throw new IllegalThreadStateException("process hasn't exited");
            }
            return child.exitCode;
        }
    }

    @Override
    public int waitFor() throws InterruptedException {
        while (!waitFor(SLICE_NANOS, TimeUnit.NANOSECONDS)) {
            // each slice checks for an interrupt
        }
        return exitValue();
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        long remaining = unit.toNanos(timeout);
        if (child.reap()) {
            return true;
        }
        if (remaining <= 0) {
            return false;
        }
        long deadline = System.nanoTime() + remaining;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            child.awaitExit(Math.min(remaining, SLICE_NANOS));
            if (child.reap()) {
                return true;
            }
            remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
        }
    }

    @Override
    public void destroy() {
        destroy(Libc.SIGTERM);
    }

    @Override
    public Process destroyForcibly() {
        destroy(Libc.SIGKILL);
        return this;
    }

    /** As the JDK's: the signal only while the child is not reaped, then the streams closed. */
    private void destroy(int signal) {
        child.signal(signal);
        stdout.close();
        stderr.close();
    }

    @Override
    public boolean supportsNormalTermination() {
        return true;
    }

    @Override
    public ProcessHandle toHandle() {
        synchronized (child) {
            if (handle == null) {
                if (child.reap()) {
                    throw new UnsupportedOperationException("process " + child.pid + " has exited and was reaped");
                }
                handle = ProcessHandle.of(child.pid).orElseThrow();
            }
            return handle;
        }
    }

    @Override
    public Stream<ProcessHandle> children() {
        return child.reap() ? Stream.empty() : toHandle().children();
    }

    @Override
    public Stream<ProcessHandle> descendants() {
        return child.reap() ? Stream.empty() : toHandle().descendants();
    }

    @Override
    public String toString() {
        synchronized (child) {
            return "Process[pid=" + child.pid + ", exitValue=" + (child.reaped ? child.exitCode : "\"not exited\"") + "]";
        }
    }

    /** The pid and its pidfd until reaped; also the cleaning action (reap if exited, close the pidfd). */
    private static final class Child implements Runnable {

        private final int pid;
        private final NativeFd pidfd;
        private boolean reaped; // guarded by this
        private int exitCode;

        Child(int pid, NativeFd pidfd) {
            this.pid = pid;
            this.pidfd = pidfd;
        }

        /** True once the child has exited: reaps it (waitpid without waiting) the first time that is seen. */
        synchronized boolean reap() {
            if (reaped) {
                return true;
            }
            if (pidfd.acquire() < 0) {
                return false; // closed unreaped by the cleaning action: the process object is gone
            }
            // waitpid's status and errno: the pidfd's memory, valid while it is acquired
            MemorySegment status = pidfd.memory();
            MemorySegment state = status.asSlice(8);
            int rc;
            int code;
            try {
                do {
                    rc = (int) Libc.WAITPID.invokeExact(state, pid, status, Libc.WNOHANG);
                } while (rc < 0 && Libc.errno(state) == Libc.EINTR);
                code = status.get(ValueLayout.JAVA_INT, 0);
            } catch (Throwable e) {
                throw Libc.rethrow(e);
            } finally {
                pidfd.release();
            }
            if (rc == 0) {
                return false;
            }
            // rc < 0 (ECHILD): reaped elsewhere (SIGCHLD ignored by native code); the JDK reports 0 then as well
            exitCode = rc < 0 ? 0 : exitCode(code);
            reaped = true;
            pidfd.close();
            return true;
        }

        /** Status as the JDK reports it: the exit code, or 128 + the signal that ended the child. */
        private static int exitCode(int status) {
            int signal = status & 0x7f;
            return signal == 0 ? (status >> 8) & 0xff : 0x80 + signal;
        }

        /** Blocks until the child exits or {@code nanos} pass (or a signal arrives): the caller checks which. */
        void awaitExit(long nanos) {
            int fd = pidfd.acquire();
            if (fd < 0) {
                return; // reaped
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment pollfd = arena.allocate(8, 8);
                pollfd.set(ValueLayout.JAVA_INT, 0, fd);
                pollfd.set(ValueLayout.JAVA_SHORT, 4, Libc.POLLIN);
                MemorySegment timeout = arena.allocate(16, 8);
                timeout.set(ValueLayout.JAVA_LONG, 0, nanos / 1_000_000_000L);
                timeout.set(ValueLayout.JAVA_LONG, 8, nanos % 1_000_000_000L);
                MemorySegment state = arena.allocate(Libc.ERRNO_STATE);
                int ignored = (int) Libc.PPOLL.invokeExact(state, pollfd, 1L, timeout, MemorySegment.NULL);
            } catch (Throwable e) {
                throw Libc.rethrow(e);
            } finally {
                pidfd.release();
            }
        }

        synchronized void signal(int signal) {
            if (!reap()) {
                try {
                    int ignored = (int) Libc.KILL.invokeExact(pid, signal);
                } catch (Throwable e) {
                    throw Libc.rethrow(e);
                }
            }
        }

        /**
         * The process object became unreachable. A child still running is reaped once it exits, so it never stays a
         * zombie: the JDK's process reaper waits for its exit (without reaping a child it did not start), as it
         * waits for every child the JDK starts itself.
         */
        @Override
        public synchronized void run() {
            if (reap()) {
                return;
            }
            Optional<ProcessHandle> running = ProcessHandle.of(pid);
            if (running.isPresent()) {
                running.get().onExit().thenRun(this::reapAndClose);
            } else {
                pidfd.close(); // gone without us: reaped elsewhere
            }
        }

        private synchronized void reapAndClose() {
            reap();
            pidfd.close();
        }
    }
}
