package io.github.dqualizer.ctk.providers.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * A cheap "was a process created?" check before any process-table scan. On Linux the 5th field of
 * {@code /proc/loadavg} is the last PID the kernel allocated in this PID namespace; it changes only when a
 * process or thread was created. One positional read of that file costs a few microseconds, a full scan
 * milliseconds. Elsewhere (no {@code /proc/loadavg}) {@link #lastPid()} is empty and callers scan as before.
 */
final class ProcessCreationDetector implements AutoCloseable {

    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(128);

    private ProcessCreationDetector(FileChannel channel) {
        this.channel = channel;
    }

    /** A detector reading {@code /proc/loadavg}, or one that knows nothing where that file is missing. */
    static ProcessCreationDetector open() {
        if (!Files.isReadable(LOADAVG)) {
            return new ProcessCreationDetector(null);
        }
        try {
            return new ProcessCreationDetector(FileChannel.open(LOADAVG, StandardOpenOption.READ));
        } catch (IOException | UnsupportedOperationException e) {
            return new ProcessCreationDetector(null);
        }
    }

    /** The kernel's last allocated PID now, or empty when this platform does not tell. */
    OptionalLong lastPid() {
        if (channel == null) {
            return OptionalLong.empty();
        }
        try {
            buffer.clear();
            int read = channel.read(buffer, 0); // procfs regenerates the text on every read at offset 0
            return read <= 0 ? OptionalLong.empty() : parseLastPid(buffer.array(), read);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The 5th field of a {@code /proc/loadavg} line, e.g. {@code "0.10 0.20 0.30 1/234 5678\n"}. */
    static OptionalLong parseLastPid(String loadavg) {
        byte[] bytes = loadavg.getBytes(StandardCharsets.US_ASCII);
        return parseLastPid(bytes, bytes.length);
    }

    /** The same on the bytes read, without a String or a regex: this runs on every poll of a watch. */
    static OptionalLong parseLastPid(byte[] line, int length) {
        int field = 0;
        int i = 0;
        while (i < length) {
            while (i < length && isSpace(line[i])) {
                i++;
            }
            if (i == length) {
                break;
            }
            int start = i;
            while (i < length && !isSpace(line[i])) {
                i++;
            }
            if (++field == 5) {
                long pid = 0;
                for (int d = start; d < i; d++) {
                    if (line[d] < '0' || line[d] > '9' || i - start > 18) {
                        return OptionalLong.empty();
                    }
                    pid = pid * 10 + (line[d] - '0');
                }
                return OptionalLong.of(pid);
            }
        }
        return OptionalLong.empty();
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\t';
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only procfs file: nothing to flush
            }
        }
    }
}
