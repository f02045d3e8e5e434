package io.github.dqualizer.ctk.pythonruntime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a killed process is gone. A killed grandchild whose parent (the worker) died too is reparented to PID 1,
 * which in a container may never reap it: it stays a zombie, which runs nothing.
 */
final class ProcessGone {

    private ProcessGone() {
    }

    static boolean gone(ProcessHandle process) {
        return !process.isAlive() || zombie(process.pid());
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (comm) S ...": the state follows the last ')' (comm may contain one)
            int end = stat.lastIndexOf(')');
            char state = end >= 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
            return state == 'Z' || state == 'X';
        } catch (IOException e) {
            return false; // no /proc (not Linux) or already gone: isAlive decides
        }
    }
}
