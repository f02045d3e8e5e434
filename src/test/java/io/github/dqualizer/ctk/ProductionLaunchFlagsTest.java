package io.github.dqualizer.ctk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JVM flags of the production launch form ({@code scripts/run-production.sh}, the image's entry point): this JDK
 * starts with them (a misspelt or withdrawn flag would stop the service from starting, and no other test runs the
 * script), and the Dockerfile and docs/operations.md name the same ones.
 */
class ProductionLaunchFlagsTest {

    private static final Pattern FLAGS = Pattern.compile("(?m)^flags=\\(([^)]*)\\)$");

    @Test
    void thisJdkStartsWithTheProductionFlags() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(productionFlags());
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(java.exitValue()).as(output).isZero();
        assertThat(output).doesNotContainIgnoringCase("warning").doesNotContain("Unrecognized");
    }

    @Test
    void theDockerfileAndTheOperationsGuideNameTheSameFlags() throws IOException {
        String flags = String.join(" ", productionFlags());

        assertThat(Files.readString(Path.of("Dockerfile"))).contains("exec java " + flags + " -XX:AOTCache");
        assertThat(Files.readString(Path.of("docs", "operations.md"))).contains("`" + flags + "`");
    }

    private static List<String> productionFlags() throws IOException {
        Matcher matcher = FLAGS.matcher(Files.readString(Path.of("scripts", "run-production.sh")));
        assertThat(matcher.find()).as("a flags=(...) line in scripts/run-production.sh").isTrue();
        List<String> flags = List.of(matcher.group(1).trim().split("\\s+"));
        assertThat(flags).allMatch(flag -> flag.startsWith("-X"));
        return flags;
    }
}
