package io.github.dqualizer.ctk.providers.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The change detector that lets a process watch skip its scan when no process was created (real /proc on Linux). */
class ProcessCreationDetectorTest {

    @Test
    void readsTheLastAllocatedPidFromTheFifthField() {
        assertThat(ProcessCreationDetector.parseLastPid("0.52 0.58 0.59 2/512 41233\n")).isEqualTo(OptionalLong.of(41233));
        assertThat(ProcessCreationDetector.parseLastPid("garbage")).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void lastPidMovesWhenAProcessIsCreated() throws Exception {
        try (ProcessCreationDetector detector = ProcessCreationDetector.open()) {
            long before = detector.lastPid().orElseThrow();
            Process child = new ProcessBuilder("true").start();
            child.waitFor();
            assertThat(detector.lastPid().orElseThrow()).isNotEqualTo(before);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aLiveThreadsIdIsNotAProcessButTheJvmIs() throws Exception {
        long[] tid = new long[1];
        boolean[] leader = new boolean[1];
        Thread thread = new Thread(() -> {
            tid[0] = threadId();
            leader[0] = ProcessWatch.threadGroupLeader(tid[0]); // asked while the thread runs
        });
        thread.start();
        thread.join();

        assertThat(tid[0]).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(leader[0]).isFalse();
        assertThat(ProcessWatch.threadGroupLeader(ProcessHandle.current().pid())).isTrue();
    }

    /** This thread's kernel id: {@code /proc/thread-self} links to {@code <pid>/task/<tid>}. */
    private static long threadId() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            return Long.parseLong(target.substring(target.lastIndexOf('/') + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
