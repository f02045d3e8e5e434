package io.github.dqualizer.ctk.providers.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.pyvalues.EnvLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shutil.which} on real files in a temporary directory tree. */
class ExecutableLocatorTest {

    @TempDir
    Path root;

    @Test
    void findsTheFirstExecutableOnPathSkippingMissingDirectoriesFilesAndDirectoriesOfThatName() throws IOException {
        Path missing = root.resolve("missing");
        Path plainFile = Files.createDirectories(root.resolve("plain"));
        file(plainFile.resolve("tool"), "rw-r--r--");
        Path directoryOfThatName = Files.createDirectories(root.resolve("dirs"));
        Files.createDirectories(directoryOfThatName.resolve("tool"));
        Path bin = Files.createDirectories(root.resolve("bin"));
        file(bin.resolve("tool"), "rwxr-xr-x");
        Path later = Files.createDirectories(root.resolve("later"));
        file(later.resolve("tool"), "rwxr-xr-x");
        EnvLookup env = path(missing, plainFile, directoryOfThatName, bin, later);

        assertThat(ExecutableLocator.which("tool", env)).contains(bin.resolve("tool").toString());
        assertThat(ExecutableLocator.which("other", env)).isEmpty();
    }

    @Test
    void aNameWithASlashIsTheFileItselfWithoutPathSearch() throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path tool = file(bin.resolve("tool"), "rwxr-xr-x");
        Path notExecutable = file(bin.resolve("data"), "rw-r--r--");
        EnvLookup env = path(root.resolve("elsewhere"));

        assertThat(ExecutableLocator.which(tool.toString(), env)).contains(tool.toString());
        assertThat(ExecutableLocator.which(notExecutable.toString(), env)).isEmpty();
        assertThat(ExecutableLocator.which(bin.toString(), env)).as("a directory").isEmpty();
        assertThat(ExecutableLocator.which(bin.resolve("none").toString(), env)).isEmpty();
    }

    @Test
    void emptyAndInvalidNamesAreNotFound() {
        EnvLookup env = path(root);

        assertThat(ExecutableLocator.which("", env)).isEmpty();
        assertThat(ExecutableLocator.which(null, env)).isEmpty();
        assertThat(ExecutableLocator.which("to\0ol", env)).isEmpty();
    }

    @Test
    void theExpandedLookupResolvesTheHomeDirectoryAndAnswersAnAbsolutePath() throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path tool = file(bin.resolve("tool"), "rwxr-xr-x");
        EnvLookup env = Map.of("HOME", root.toString(), "PATH", root.resolve("none").toString())::get;

        assertThat(ExecutableLocator.whichExpanded("~/bin/tool", env)).contains(tool.toString());
        assertThat(ExecutableLocator.which("~/bin/tool", env)).as("validation does not expand ~").isEmpty();
    }

    private static Path file(Path file, String permissions) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private static EnvLookup path(Path... directories) {
        StringBuilder path = new StringBuilder();
        for (Path directory : directories) {
            path.append(path.isEmpty() ? "" : ":").append(directory);
        }
        return Map.of("PATH", path.toString())::get;
    }
}
