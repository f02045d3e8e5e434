package io.github.dqualizer.ctk.providers.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.providers.output.CapturedOutput;
import io.github.dqualizer.ctk.pyvalues.EnvLookup;
import io.github.dqualizer.ctk.safety.ChildEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.unit.DataSize;

/**
 * What a process activity's output leaves in the journal: real processes printing 100 MB keep the configured
 * limit of each stream plus a marker, and the activity ends with the process's own status.
 */
class ProcessOutputLimitTest {

    private static final String HUNDRED_MB = "head -c 100000000 /dev/zero | tr '\\000' x";

    private static ProcessProvider provider(DataSize limit) {
        return new ProcessProvider(EnvLookup.system(), ExecutablePolicy.allowAll(), ChildEnvironment.defaults(), limit);
    }

    private static Map<String, Object> sh(ProcessProvider provider, String script) throws InterruptedException {
        return provider.run(Map.of("type", "process", "path", "sh", "arguments", List.of("-c", script)));
    }

    @Test
    void hundredMegabytesOnBothStreamsThenFirstMegabyteOfEachKeptWithMarker() throws Exception {
        Map<String, Object> output = sh(provider(DataSize.ofMegabytes(1)),
                HUNDRED_MB + "; " + HUNDRED_MB + " >&2; exit 3");

        String marker = "\n" + CapturedOutput.MARKER_PREFIX + "output truncated, kept the first 1048576 of 100000000 bytes]";
        assertThat(output.get("status")).isEqualTo(3);
        for (String stream : List.of("stdout", "stderr")) {
            String text = (String) output.get(stream);
            assertThat(text).as(stream).hasSize(1_048_576 + marker.length()).endsWith(marker);
            assertThat(text.substring(0, 1_048_576)).as(stream).matches("x+");
        }
    }

    /**
     * Memory, measured without timing: the bytes allocated by the threads that run the activity and read its
     * pipes (the JVM counts them per thread, so other tests' threads do not disturb the figure). 200 MB of
     * output cost a bounded amount; holding the output whole would allocate at least the 200 MB.
     */
    @Test
    void hundredMegabytesOnBothStreamsThenAllocatesAFewMegabytesOnly() throws Exception {
        ProcessProvider provider = provider(DataSize.ofMegabytes(1));
        sh(provider, "echo warm-up"); // a reader thread exists now; class loading is done
        Map<Long, Long> before = allocatedBytesOfActivityThreads();

        Map<String, Object> output = sh(provider, HUNDRED_MB + "; " + HUNDRED_MB + " >&2");

        Map<Long, Long> after = allocatedBytesOfActivityThreads();
        long allocated = after.entrySet().stream()
                .mapToLong(thread -> thread.getValue() - before.getOrDefault(thread.getKey(), 0L)).sum();
        assertThat(((String) output.get("stdout")).length() + ((String) output.get("stderr")).length())
                .isLessThan(2_100_000);
        System.out.println("[output] bytes allocated while 200 MB were printed: " + allocated);
        assertThat(allocated).as("bytes allocated while 200 MB were printed").isLessThan(32_000_000L);
    }

    /** Bytes allocated so far by this thread and the output readers, by thread id. */
    private static Map<Long, Long> allocatedBytesOfActivityThreads() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        Map<Long, Long> allocated = new java.util.HashMap<>();
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread == Thread.currentThread() || false /* read on the calling thread since issue 18 */)
                .forEach(thread -> allocated.put(thread.getId(), threads.getThreadAllocatedBytes(thread.getId())));
        return allocated;
    }

    @Test
    void outputWithinLimitThenKeptWholeWithoutMarker() throws Exception {
        Map<String, Object> output = sh(provider(DataSize.ofBytes(6)), "printf 'hello\\n'; printf 'oops' >&2");

        assertThat(output).containsEntry("status", 0).containsEntry("stdout", "hello\n").containsEntry("stderr", "oops");
    }

    @Test
    void limitCuttingMultiByteCharacterThenWholeCharactersKept() throws Exception {
        // "aéé" is 5 bytes in UTF-8; 4 kept would end with half an é, which would not decode
        Map<String, Object> output = sh(provider(DataSize.ofBytes(4)), "printf 'a\\303\\251\\303\\251'");

        assertThat(output.get("stdout")).isEqualTo("aé\n" + CapturedOutput.MARKER_PREFIX
                + "output truncated, kept the first 4 of 5 bytes]");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a guard against a hang only: the background sleep lasts 300 s
    void backgroundChildKeepingThePipesOpenDoesNotHoldTheActivity() throws Exception {
        Map<String, Object> output = sh(provider(DataSize.ofMegabytes(1)), "echo started; sleep 300 & echo $! >&2");

        long sleepPid = Long.parseLong(((String) output.get("stderr")).strip());
        ProcessHandle.of(sleepPid).ifPresent(ProcessHandle::destroyForcibly);
        assertThat(output).containsEntry("status", 0).containsEntry("stdout", "started\n");
    }
}
