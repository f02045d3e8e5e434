package io.github.dqualizer.ctk.providers.process;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which executables experiments may run: {@code process} activities and both {@code processStarting}
 * functions ({@code ctk.process.allowed-executables}). An empty list allows every executable on the embedded
 * default and none in the {@code prod} profile ({@code ctk.process.allow-all-when-empty=false}).
 */
public final class ExecutablePolicy {

    public static final String PROPERTY = "ctk.process.allowed-executables";

    // what /bin/sh would interpret in a string argument beyond splitting words: it could start other programs
    private static final Pattern SHELL_SYNTAX = Pattern.compile("[;&|`$<>(){}\\[\\]*?~!#'\"\\\\\\n\\r]");

    private static final ExecutablePolicy ALLOW_ALL = new ExecutablePolicy(List.of());

    private final Set<String> allowed;
    private final boolean allowAllWhenEmpty;

    /** A list where empty allows every executable. */
    public ExecutablePolicy(List<String> allowed) {
        this(allowed, true);
    }

    /** @param allowAllWhenEmpty what an empty list means: every executable ({@code true}) or none */
    public ExecutablePolicy(List<String> allowed, boolean allowAllWhenEmpty) {
        this.allowed = Set.copyOf(allowed.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
        this.allowAllWhenEmpty = allowAllWhenEmpty;
    }

    public static ExecutablePolicy allowAll() {
        return ALLOW_ALL;
    }

    /** False when every executable may run. */
    public boolean restricted() {
        return !allowed.isEmpty() || !allowAllWhenEmpty;
    }

    /**
     * @param written  the activity's {@code path} as written
     * @param resolved the file it resolves to, or {@code null} when it resolves to none
     */
    public boolean allows(String written, String resolved) {
        if (!restricted()) {
            return true;
        }
        if (written != null && allowed.contains(written)) {
            return true;
        }
        return resolved != null && allowed.contains(absolute(resolved));
    }

    /** Why {@code written} may not run. */
    public String refusal(String written) {
        if (allowed.isEmpty()) {
            return "path '" + written + "' may not run: no executable is allowed until " + PROPERTY
                    + " lists it (an empty list allows none in the prod profile)";
        }
        return "path '" + written + "' is not on the allow-list (" + PROPERTY + ")";
    }

    /**
     * True when a string {@code arguments} would let the shell run more than the allowed executable:
     * chaoslib passes string arguments through {@code /bin/sh -c}, so with an allow-list only plain words pass.
     */
    public boolean refusesShellArguments(Object arguments) {
        return restricted() && arguments instanceof String s && SHELL_SYNTAX.matcher(s).find();
    }

    /** Why string arguments may not run. */
    public String shellRefusal() {
        return "string arguments run through /bin/sh and may only hold plain words while " + PROPERTY
                + " is set; pass the arguments as a list";
    }

    private static String absolute(String path) {
        try {
            return Path.of(path).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return path;
        }
    }
}
