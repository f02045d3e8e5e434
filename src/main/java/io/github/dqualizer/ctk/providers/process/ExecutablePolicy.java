package io.github.dqualizer.ctk.providers.process;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Decides which executables process activities may run ({@code ctk.process.allowed-executables}); empty allows all. */
public final class ExecutablePolicy {

    static final String PROPERTY = "ctk.process.allowed-executables";

    // what /bin/sh would interpret in a string argument beyond splitting words: it could start other programs
    private static final Pattern SHELL_SYNTAX = Pattern.compile("[;&|`$<>(){}\\[\\]*?~!#'\"\\\\\\n\\r]");

    private static final ExecutablePolicy ALLOW_ALL = new ExecutablePolicy(List.of());

    private final Set<String> allowed;

    public ExecutablePolicy(List<String> allowed) {
        this.allowed = Set.copyOf(allowed.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    public static ExecutablePolicy allowAll() {
        return ALLOW_ALL;
    }

    public boolean restricted() {
        return !allowed.isEmpty();
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
