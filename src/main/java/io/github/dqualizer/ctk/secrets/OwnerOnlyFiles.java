package io.github.dqualizer.ctk.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes small generated secrets (keys, passwords) to files only their owner can read. */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /**
     * Creates {@code file} (failing with {@link FileAlreadyExistsException} if it exists) with owner-only permissions
     * from the start, so no other user can open it between creation and a later chmod, holding {@code content}.
     * The file appears complete: another process starting on the same directory that finds it (or loses the race to
     * create it) reads the whole content, never an empty file (the content is written to a temporary file first and
     * hard-linked into place, which fails if the name exists).
     */
    public static void create(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "." + file.getFileName() + "-", ".tmp", ownerOnly());
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.createLink(file.toAbsolutePath(), temporary);
        } catch (UnsupportedOperationException noHardLinks) {
            Files.createFile(file, ownerOnly()); // a file system without hard links: created, then written
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0]; // not POSIX (Windows): the directory's ACLs apply
    }
}
