package io.github.dqualizer.ctk.engine;

import ctktest.TestEngine;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.experiment.ExperimentReader;
import io.github.dqualizer.ctk.providers.RunContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No secret value leaves the engine in clear text: journal, listener records and the provider's context. */
class SecretMaskingTest {

    private static final String SECRET = "s3cr3t-Value";

    @Test
    void secretEchoedByProcessThenMaskedEverywhere() {
        List<String> seen = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void activityFinished(RunContext run, ActivityPhase phase, Map<String, Object> record) {
                seen.add(String.valueOf(record));
            }

            @Override
            public void activityStarted(RunContext run, ActivityPhase phase, Map<String, Object> activity) {
                throw new IllegalStateException("listener failures are ignored");
            }
        };
        ExperimentRunner runner = TestEngine.engine().listeners(List.of(listener)).newRunner();
        String json = """
                {"title": "t", "description": "d",
                 "secrets": {"auth": {"token": "%s", "nested": {"other": "pw-%s"}}},
                 "method": [
                   {"type": "action", "name": "echo", "provider": {"type": "process", "path": "echo",
                    "arguments": ["token=${token}"]}},
                   {"type": "action", "name": "ctx", "provider": {"type": "python", "module": "conformance.functions",
                    "func": "context_experiment"}},
                   {"type": "action", "name": "fail", "provider": {"type": "python", "module": "conformance.functions",
                    "func": "fail", "arguments": {"message": "bad ${token}"}}}]}
                """.formatted(SECRET, SECRET);
        Map<String, Object> experiment = new ExperimentReader().read(json.getBytes(StandardCharsets.UTF_8), false);

        Map<String, Object> journal = runner.run(experiment, new RunOptions("mask", null));

        String text = String.valueOf(journal);
        assertThat(text).doesNotContain(SECRET).contains("token=***\\n".replace("\\n", "\n")).contains("bad ***");
        assertThat(seen).hasSize(3).allSatisfy(record -> assertThat(record).doesNotContain(SECRET));
        assertThat(String.valueOf(((List<?>) journal.get("run")).get(1))).contains("token=***");
    }
}
