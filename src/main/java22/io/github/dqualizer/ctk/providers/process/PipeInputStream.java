package io.github.dqualizer.ctk.providers.process;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Cleaner;
import java.util.Objects;

/** The read end of a child's stdout or stderr pipe: {@code read(2)}, and {@code available} through FIONREAD. */
final class PipeInputStream extends InputStream {

    private static final int BUFFER = 64 * 1024;
    private final NativeFd fd;
    /** The native read buffer and errno state (guarded by this stream; freed with the descriptor). */
    private final MemorySegment buffer;
    private final MemorySegment state;

    PipeInputStream(int fd, Cleaner cleaner) {
        MemorySegment memory = Libc.malloc(BUFFER + Libc.ERRNO_STATE.byteSize());
        this.fd = new NativeFd(fd, memory);
        this.buffer = memory.asSlice(0, BUFFER);
        this.state = memory.asSlice(BUFFER);
        cleaner.register(this, this.fd);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        return onDescriptor(raw -> {
            while (true) {
                long n = (long) Libc.READ.invokeExact(state, raw, buffer, (long) Math.min(len, BUFFER));
                if (n > 0) {
                    MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, b, off, (int) n);
                    return (int) n;
                }
                if (n == 0) {
                    return -1;
                }
                if (Libc.errno(state) != Libc.EINTR) {
                    throw new IOException(Libc.strerror(Libc.errno(state)));
                }
            }
        });
    }

    @Override
    public synchronized int available() throws IOException {
        return onDescriptor(raw -> {
            int rc = (int) Libc.IOCTL.invokeExact(state, raw, Libc.FIONREAD, buffer);
            if (rc < 0) {
                throw new IOException(Libc.strerror(Libc.errno(state)));
            }
            return buffer.get(ValueLayout.JAVA_INT, 0);
        });
    }

    /** Closes the descriptor once; a read under way in another thread keeps it until it returns. */
    @Override
    public void close() {
        fd.close();
    }

    /** Runs {@code call} on the descriptor, which stays open until it returns even if another thread closes it. */
    private int onDescriptor(DescriptorCall call) throws IOException {
        int raw = fd.acquire();
        if (raw < 0) {
            throw new IOException("Stream closed");
        }
        try {
            return call.on(raw);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw Libc.rethrow(e); // a downcall's checked Throwable
        } finally {
            fd.release();
        }
    }

    /** A C call on the descriptor; downcall handles declare {@code Throwable}. */
    @FunctionalInterface
    private interface DescriptorCall {
        int on(int fd) throws Throwable;
    }
}
