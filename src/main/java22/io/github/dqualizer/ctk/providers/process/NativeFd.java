package io.github.dqualizer.ctk.providers.process;

/**
 * A descriptor closed exactly once, and never while a call on it is under way in another thread (a closed number
 * may be reused at once by any open in the JVM). Also the cleaning action of its owner: a stream or process left
 * to the garbage collector does not leak it.
 */
final class NativeFd implements Runnable {

    private final int fd;
    private int users;
    private boolean closed;
    private boolean released;

    NativeFd(int fd) {
        this.fd = fd;
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
        }
    }
}
