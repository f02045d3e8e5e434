package io.github.dqualizer.ctk.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes small generated secrets (keys, passwords) to files only their owner can read. */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /**
     * Creates {@code file} (failing if it exists) with owner-only permissions from the start, so no
     * other user can open it between creation and a later chmod, then writes {@code content}.
     */
    public static void create(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file); // not POSIX (Windows): the directory's ACLs apply
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
