package io.github.dqualizer.ctk.providers.process;

import java.lang.foreign.MemorySegment;

/**
 * A descriptor closed exactly once, and never while a call on it is under way in another thread (a closed number
 * may be reused at once by any open in the JVM), with the native memory its calls use (freed with it). Also the
 * cleaning action of its owner: a stream or process left to the garbage collector does not leak them.
 */
final class NativeFd implements Runnable {

    private final int fd;
    private final MemorySegment memory;
    private int users;
    private boolean closed;
    private boolean released;

    /** @param memory from {@link Libc#malloc}, used only between {@link #acquire()} and {@link #release()} */
    NativeFd(int fd, MemorySegment memory) {
        this.fd = fd;
        this.memory = memory;
    }

    MemorySegment memory() {
        return memory;
    }

    /** The descriptor, to be {@link #release() released} after the call, or -1 once closed. */
    synchronized int acquire() {
        if (closed) {
            return -1;
        }
        users++;
        return fd;
    }

    synchronized void release() {
        if (--users == 0 && closed) {
            closeNow();
        }
    }

    /** Closes now, or when the last call under way ends. */
    synchronized void close() {
        closed = true;
        if (users == 0) {
            closeNow();
        }
    }

    @Override
    public void run() {
        close();
    }

    private void closeNow() {
        if (!released) {
            released = true;
            Libc.close(fd);
            Libc.free(memory);
        }
    }
}
