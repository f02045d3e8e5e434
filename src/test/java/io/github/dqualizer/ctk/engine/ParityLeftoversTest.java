package io.github.dqualizer.ctk.engine;

import ctktest.TestEngine;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.experiment.ExperimentReader;
import io.github.dqualizer.ctk.experiment.ValidationProblem;
import io.github.dqualizer.ctk.experiment.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Differences from chaoslib/chaos run found by an independent corpus of experiments (issue 14). */
class ParityLeftoversTest {

    private final ExperimentRunner runner = TestEngine.runner();

    /** §3.6: the journal's run list is in start order; a background activity listed first starts first. */
    @RepeatedTest(20)
    void section3_6_backgroundActivityListedBeforeAForegroundOneIsRecordedFirst() {
        Map<String, Object> journal = runner.run(read("""
                {"title": "t", "description": "d", "method": [
                  {"type": "action", "name": "bg", "background": true,
                   "provider": {"type": "python", "module": "conformance.functions", "func": "ret", "arguments": {"value": 1}}},
                  {"type": "action", "name": "fg",
                   "provider": {"type": "python", "module": "conformance.functions", "func": "ret", "arguments": {"value": 2}}}]}
                """), new RunOptions("order", null));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> runs = (List<Map<String, Object>>) journal.get("run");
        assertThat(runs).extracting(r -> (Object) ((Map<?, ?>) r.get("activity")).get("name")).containsExactly("bg", "fg");
    }

    /**
     * §3.6: a background activity that pauses before it starts has not started yet: chaoslib's foreground activity
     * after it runs during the pause and is recorded first (chaoslib appends the run record after the pause).
     */
    @Test
    void section3_6_backgroundActivityPausingBeforeDoesNotHoldBackTheForegroundOneAfterIt() {
        Map<String, Object> journal = runner.run(read("""
                {"title": "t", "description": "d", "method": [
                  {"type": "action", "name": "bg", "background": true, "pauses": {"before": 0.5},
                   "provider": {"type": "python", "module": "conformance.functions", "func": "ret", "arguments": {"value": 1}}},
                  {"type": "action", "name": "fg",
                   "provider": {"type": "python", "module": "conformance.functions", "func": "ret", "arguments": {"value": 2}}}]}
                """), new RunOptions("order-pause", null));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> runs = (List<Map<String, Object>>) journal.get("run");
        assertThat(runs).extracting(r -> (Object) ((Map<?, ?>) r.get("activity")).get("name")).containsExactly("fg", "bg");
    }

    /** §4.6: jsonpath2 treats a comparison Python cannot order as false instead of failing. */
    @Test
    void section4_6_filterComparingUnorderableValuesMatchesNothing() {
        Map<String, Object> document = Map.of("items", List.of(List.of(1, 2), "x", 3));

        assertThat(JsonPath.parse("$.items[?(@ > 1)]").values(document)).isEmpty();
        assertThat(JsonPath.parse("$.items[*][?(@ > 1)]").values(document)).containsExactly(3);
    }

    /** §1.7: chaos run refuses an unknown hypothesis strategy before it runs anything. */
    @Test
    void section1_7_unknownHypothesisStrategyIsRefusedAtValidation() {
        List<ValidationProblem> problems = TestEngine.validator().validate(read("""
                {"title": "t", "description": "d", "method": [],
                 "runtime": {"hypothesis": {"strategy": "during-method"}}}"""));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("runtime.hypothesis.strategy");
            assertThat(p.message()).startsWith("Unknown strategy: 'during-method'");
        });
    }

    /** §3.7 step 3: an activity's own dry key replaces the run's dry mode with a value matching nothing. */
    @Test
    void section3_7_anActivityWithItsOwnDryKeyRunsForRealInADryRun() {
        Map<String, Object> journal = runner.run(read("""
                {"title": "t", "description": "d", "method": [
                  {"type": "action", "name": "own", "dry": "actions",
                   "provider": {"type": "python", "module": "conformance.functions", "func": "ret", "arguments": {"value": 1}}},
                  {"type": "action", "name": "plain",
                   "provider": {"type": "python", "module": "conformance.functions", "func": "ret", "arguments": {"value": 2}}}]}
                """), new RunOptions("dry", DryMode.ACTIONS));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> runs = (List<Map<String, Object>>) journal.get("run");
        assertThat(runs).extracting(r -> r.get("output")).containsExactly(1, null);
    }

    private static Map<String, Object> read(String json) {
        return new ExperimentReader().read(json.getBytes(StandardCharsets.UTF_8), false);
    }
}
