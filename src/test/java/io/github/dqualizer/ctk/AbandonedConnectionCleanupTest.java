package io.github.dqualizer.ctk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Connector/J's cleanup thread is off once {@code main} has run, unless the operator chose otherwise. Each case loads
 * the driver in a JVM of its own (this one has loaded it long ago), so a property name the driver does not know fails
 * here rather than leaving the thread on unnoticed.
 */
class AbandonedConnectionCleanupTest {

    private static final String THREAD = "mysql-cj-abandoned-connection-cleanup";

    @Test
    void theDriverStartsNoCleanupThreadAfterMainsDefaults() throws Exception {
        assertThat(threadsAfterLoadingTheDriver(true)).doesNotContain(THREAD);
    }

    @Test
    void anOperatorsChoiceIsKept() throws Exception {
        assertThat(threadsAfterLoadingTheDriver(true, "-D" + AbandonedConnectionCleanup.PROPERTY + "=false")).contains(THREAD);
    }

    @Test
    void withoutTheDefaultTheDriverStartsIt() throws Exception {
        assertThat(threadsAfterLoadingTheDriver(false)).contains(THREAD);
    }

    private static String threadsAfterLoadingTheDriver(boolean applyDefault, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DriverLoader.class.getName(),
                Boolean.toString(applyDefault)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The child JVM: {@code main}'s default (or not), then the driver as Hikari loads it, then its thread names. */
    static final class DriverLoader {

        public static void main(String[] args) throws Exception {
            if (Boolean.parseBoolean(args[0])) {
                AbandonedConnectionCleanup.off();
            }
            Class.forName("com.mysql.cj.jdbc.Driver");
            Thread.getAllStackTraces().keySet().forEach(thread -> System.out.println(thread.getName()));
        }
    }
}
