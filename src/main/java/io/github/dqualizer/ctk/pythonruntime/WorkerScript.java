package io.github.dqualizer.ctk.pythonruntime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The worker program shipped in the jar, written once to an owner-only temporary file the interpreter can run. */
final class WorkerScript {

    private static final String RESOURCE = "/pythonruntime/ctk_worker.py";
    private static volatile Path path;

    private WorkerScript() {
    }

    static Path path() {
        Path current = path;
        if (current == null || !Files.isRegularFile(current)) {
            synchronized (WorkerScript.class) {
                if (path == null || !Files.isRegularFile(path)) { // a tmp cleaner may have removed it
                    path = extract();
                }
                current = path;
            }
        }
        return current;
    }

    private static Path extract() {
        try (InputStream in = WorkerScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Python worker program " + RESOURCE + " is missing from the jar");
            }
            Path directory = Files.createTempDirectory("ctk-python-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path script = directory.resolve("ctk_worker.py");
            Files.write(script, in.readAllBytes());
            script.toFile().deleteOnExit();
            directory.toFile().deleteOnExit();
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Python worker program to a temporary directory", e);
        }
    }
}
