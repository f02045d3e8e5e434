package io.github.dqualizer.ctk.osprocess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Linux's {@code /proc/<pid>/stat} line, read where the platform has {@code /proc}. */
public final class ProcStat {

    public static final Path PROC = Path.of("/proc");
    public static final boolean AVAILABLE = Files.isDirectory(PROC.resolve("self"));

    private ProcStat() {
    }

    /**
     * The fields after the command name: index 0 is the state (field 3 of proc(5)), index 19 the start time in
     * clock ticks since boot (field 22). Empty when the process is gone or /proc cannot be read.
     */
    public static Optional<String[]> fieldsAfterName(long pid) {
        try {
            String stat = new String(Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("stat")), StandardCharsets.ISO_8859_1);
            // "pid (comm) S ...": comm may hold spaces and parentheses, the fields follow the last ')'
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() ? Optional.empty() : Optional.of(stat.substring(end + 2).trim().split(" "));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
