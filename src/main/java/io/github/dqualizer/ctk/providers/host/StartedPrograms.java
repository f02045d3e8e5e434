package io.github.dqualizer.ctk.providers.host;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The program a {@code processStarting} call names, when validation can know it before the run. */
final class StartedPrograms {

    private StartedPrograms() {
    }

    /** The {@code path} argument when it is a usable path as written: not substituted at run time. */
    static Optional<String> literalPath(Map<?, ?> arguments) {
        if (!(arguments.get("path") instanceof String path) || path.isBlank() || path.contains("$")) {
            return Optional.empty();
        }
        try {
            Path.of(path);
            return Optional.of(path);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
