package io.github.dqualizer.ctk.providers.process;

import io.github.dqualizer.ctk.pyvalues.EnvLookup;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Python's {@code shutil.which}: PATH search for bare names, else the file itself; executable, not a directory. */
public final class ExecutableLocator {

    private static final String DEFAULT_PATH = ":/bin:/usr/bin";

    private ExecutableLocator() {
    }

    /** Lookup as chaoslib validates: no {@code ~} expansion. */
    public static Optional<String> which(String name, EnvLookup env) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        if (name.contains("/")) {
            return executable(name) ? Optional.of(name) : Optional.empty();
        }
        String path = env.get("PATH");
        for (String dir : (path == null ? DEFAULT_PATH : path).split(File.pathSeparator, -1)) {
            String candidate = dir.isEmpty() ? name : dir + "/" + name;
            if (executable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Lookup as chaoslib runs: {@code ~} expanded first. */
    public static Optional<String> whichExpanded(String name, EnvLookup env) {
        if (name != null && (name.equals("~") || name.startsWith("~/"))) {
            String home = env.get("HOME") != null ? env.get("HOME") : System.getProperty("user.home");
            name = home + name.substring(1);
        }
        return which(name, env).map(found -> Path.of(found).toAbsolutePath().toString());
    }

    /**
     * One {@code access} for a missing candidate, and a {@code stat} more for the one found. {@link java.io.File}
     * answers both without an exception: {@code Files.isExecutable} builds a {@code NoSuchFileException}, stack trace
     * and message, for every PATH directory without the program, and this runs twice per activity (validation, run).
     * A name with a NUL character is an invalid {@code File}, which is neither executable nor a directory.
     */
    private static boolean executable(String candidate) {
        File file = new File(candidate);
        return file.canExecute() && !file.isDirectory(); // access(X_OK) fails for a missing file too
    }
}
