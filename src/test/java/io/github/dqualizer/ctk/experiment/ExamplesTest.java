package io.github.dqualizer.ctk.experiment;

import ctktest.TestEngine;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference experiments are valid except for their python functions, not registered yet. */
class ExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dqualizer-failed-requests.json", "dqualizer-late-responses.json",
            "dqualizer-process-unavailability.json", "seed-delayed-responses.json"})
    void exampleThenOnlyUnsupportedFunctionProblems(String file) throws IOException {
        byte[] body;
        try (InputStream in = getClass().getResourceAsStream("/examples/" + file)) {
            body = in.readAllBytes();
        }
        ExperimentValidator validator = TestEngine.validator();

        List<ValidationProblem> problems = validator.validate(new ExperimentReader().read(body, false));

        assertThat(problems).isNotEmpty().allSatisfy(p -> {
            assertThat(p.location()).endsWith(".provider");
            // test registry without dqualizer's functions: a Python worker looks for the modules (§2.3), in vain
            assertThat(p.message()).matches("could not find Python module '[^']+' in activity '[^']+'");
        });
    }
}
