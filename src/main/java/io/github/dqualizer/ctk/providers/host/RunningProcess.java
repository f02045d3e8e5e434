package io.github.dqualizer.ctk.providers.host;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A process seen on the host: its handle, its OS name (executable file name) and, for a JVM,
 * what {@code jps} would list for it (main class or jar file name).
 */
record RunningProcess(ProcessHandle handle, String name, Optional<String> jvmMain) {

    /** Builds the entry from the executable path and the arguments after it. */
    public static RunningProcess of(ProcessHandle handle, String command, List<String> arguments) {
        String name = fileName(command);
        Optional<String> main = isJavaLauncher(name) ? JvmCommandLine.mainName(arguments) : Optional.empty();
        return new RunningProcess(handle, name, main);
    }

    public long pid() {
        return handle.pid();
    }

    /** The prototype's rule: the OS name equals {@code processName}, or a JVM's main class / jar name contains it. */
    public boolean matches(String processName) {
        if (processName == null || processName.isEmpty()) {
            return false;
        }
        return name.equals(processName) || withoutExe(name).equals(processName)
                || jvmMain.map(main -> main.contains(processName)).orElse(false);
    }

    static boolean isJavaLauncher(String name) {
        String plain = withoutExe(name).toLowerCase(Locale.ROOT);
        return plain.equals("java") || plain.equals("javaw");
    }

    static String fileName(String path) {
        if (path == null) {
            return "";
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    private static String withoutExe(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".exe") ? name.substring(0, name.length() - 4) : name;
    }

    @Override
    public String toString() {
        return pid() + " " + name + jvmMain.map(main -> " (" + main + ")").orElse("");
    }
}
