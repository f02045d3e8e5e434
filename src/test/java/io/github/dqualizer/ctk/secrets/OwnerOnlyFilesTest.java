package io.github.dqualizer.ctk.secrets;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Generated key and password files appear complete: services starting at once on the same directory (two test JVMs
 * sharing target/test-secrets.key, two instances on one data directory) either create the file or read it whole.
 * Before, the file was created empty and written afterwards, and a service that found it in between read "" and
 * refused to start ("must be base64 of exactly 32 bytes, got 0").
 */
class OwnerOnlyFilesTest {

    @Test
    void createWhenRacedThenEveryReaderSeesTheWholeContent(@TempDir Path dir) throws Exception {
        String content = "x".repeat(64 * 1024); // large enough for a reader to fall between creation and write
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 200; round++) {
                Path file = dir.resolve("key-" + round);
                CyclicBarrier start = new CyclicBarrier(4);
                List<Future<String>> seen = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    seen.add(threads.submit(() -> {
                        start.await();
                        if (Files.exists(file)) {
                            return Files.readString(file, StandardCharsets.UTF_8);
                        }
                        try {
                            OwnerOnlyFiles.create(file, content);
                            return content;
                        } catch (FileAlreadyExistsException raced) {
                            return Files.readString(file, StandardCharsets.UTF_8);
                        }
                    }));
                }
                for (Future<String> read : seen) {
                    assertThat(read.get()).as("round %d", round).hasSize(content.length());
                }
            }
        } finally {
            threads.shutdownNow();
        }
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temporary files left").allSatisfy(p -> assertThat(p.getFileName().toString()).startsWith("key-"));
        }
    }

    @Test
    void createThenOwnerOnlyAndExistingNeverReplaced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/secret");
        OwnerOnlyFiles.create(file, "first");

        assertThat(Files.readString(file)).isEqualTo("first");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThatThrownBy(() -> OwnerOnlyFiles.create(file, "second")).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("first");
    }
}
