package io.github.dqualizer.ctk.engine;

import ctktest.TestEngine;
import static org.assertj.core.api.Assertions.assertThat;

import ctktest.LoopbackServer;
import io.github.dqualizer.ctk.experiment.ExperimentReader;
import io.github.dqualizer.ctk.experiment.ExperimentValidator;
import io.github.dqualizer.ctk.experiment.ValidationProblem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance suite: every {@code src/test/resources/conformance/**}{@code /*.json} file is one case run
 * through the real validator and runner (see {@code docs/testing-conformance.md} for the schema).
 */
class ConformanceTest {

    private static LoopbackServer server;
    private static String closedUrl;

    @BeforeAll
    static void startServer() throws IOException {
        server = new LoopbackServer();
        closedUrl = LoopbackServer.closedUrl();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path root = Path.of(ConformanceTest.class.getResource("/conformance").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .map(p -> Arguments.of(root.relativize(p).toString(), p)).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void conforms(String name, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8)
                .replace("{{HTTP}}", server.baseUrl()).replace("{{CLOSED}}", closedUrl);
        Map<String, Object> testCase = new ExperimentReader().read(text.getBytes(StandardCharsets.UTF_8), false);
        Map<String, Object> experiment = (Map<String, Object>) testCase.get("experiment");
        Map<String, Object> expect = (Map<String, Object>) testCase.get("expect");
        Map<String, String> env = new HashMap<>(System.getenv());
        if (testCase.get("env") instanceof Map<?, ?> extra) {
            extra.forEach((k, v) -> env.put((String) k, (String) v));
        }
        boolean ignoreControls = Boolean.TRUE.equals(testCase.get("ignoreControls"));

        TestEngine engine = TestEngine.engine().environment(env).ignoreControls(ignoreControls);
        ExperimentValidator validator = engine.newValidator();
        List<ValidationProblem> problems = validator.validate(experiment);
        if (expect.containsKey("valid")) {
            assertThat(problems.isEmpty()).as("valid? problems=%s", problems).isEqualTo(expect.get("valid"));
        }
        JournalAssert.problems(problems, (List<Map<String, Object>>) expect.get("problems"));
        if (!expect.containsKey("status")) {
            return;
        }
        ExperimentRunner runner = engine.newRunner();
        long started = System.nanoTime();
        Map<String, Object> journal = runner.run(experiment,
                new RunOptions("case-" + name, DryMode.parse((String) testCase.get("dry"))));
        double seconds = (System.nanoTime() - started) / 1e9;
        Thread.interrupted();
        JournalAssert.journal(journal, expect, seconds);
    }
}
