package io.github.dqualizer.ctk.pythonruntime;

import ctktest.TestEngine;
import static io.github.dqualizer.ctk.pythonruntime.PythonActivitiesTest.read;
import static io.github.dqualizer.ctk.pythonruntime.PythonActivitiesTest.runs;
import static org.assertj.core.api.Assertions.assertThat;

import ctktest.PythonTestModules;
import io.github.dqualizer.ctk.engine.ControlsProperties;
import io.github.dqualizer.ctk.engine.ExperimentRunner;
import io.github.dqualizer.ctk.engine.RunOptions;
import io.github.dqualizer.ctk.experiment.ExperimentValidator;
import io.github.dqualizer.ctk.experiment.ValidationProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Controls run through the run's Python worker with chaoslib's protocol (ctk-semantics.md §10, §10.1, §2.7), with
 * the control module {@code src/test/resources/python/ctktest_control.py}, which records every hook and writes the
 * record into the journal from {@code after_experiment_control}.
 */
class PythonControlsTest {

    private static final String CONTROL = """
            {"name": "rec", "provider": {"type": "python", "module": "ctktest_control"%s}}""";

    private final PythonRuntime python = PythonTestModules.runtime();
    private final ExperimentRunner runner = runner(ControlsProperties.none());
    private final ExperimentValidator validator = TestEngine.engine().python(python).newValidator();

    @TempDir
    Path directory;

    @Test
    void section10_1_hooksAreCalledInChaoslibsOrderWithTheirContextAndState() throws Exception {
        Path cleanup = directory.resolve("cleanup");
        Map<String, Object> journal = run("""
                {"title": "t", "description": "d",
                 "controls": [%s],
                 "steady-state-hypothesis": {"title": "h", "probes": [
                   {"type": "probe", "name": "probe", "tolerance": true,
                    "provider": {"type": "python", "module": "ctktest_ext", "func": "ret", "arguments": {"value": true}}}]},
                 "method": [
                   {"type": "action", "name": "a1", "provider": {"type": "python", "module": "ctktest_ext", "func": "nothing"}},
                   {"type": "action", "name": "a2", "provider": {"type": "python", "module": "ctktest_ext", "func": "oops"}}],
                 "rollbacks": [
                   {"type": "action", "name": "r1", "provider": {"type": "python", "module": "ctktest_ext", "func": "nothing"}}]}
                """.formatted(CONTROL.formatted(", \"arguments\": {\"cleanup_file\": \"" + cleanup + "\"}")));

        assertThat(journal.get("status")).isEqualTo("completed");
        assertThat(journal.get("control_calls")).isEqualTo(List.of(
                "configure_control",
                "before_experiment_control t",
                "before_hypothesis_control h",
                "before_activity_control probe", "after_activity_control probe succeeded",
                "after_hypothesis_control True",
                "before_method_control",
                "before_activity_control a1", "after_activity_control a1 succeeded",
                "before_activity_control a2", "after_activity_control a2 failed",
                "after_method_control 2",
                "before_hypothesis_control h",
                "before_activity_control probe", "after_activity_control probe succeeded",
                "after_hypothesis_control True",
                "before_rollback_control",
                "before_activity_control r1", "after_activity_control r1 succeeded",
                "after_rollback_control 1",
                "after_experiment_control completed"));
        // cleanup_control gets no arguments: it used what configure_control kept in module state
        assertThat(Files.readString(cleanup)).isEqualTo("cleanup_control\n");
    }

    @Test
    void section3_9_interruptExecutionFromAControlInterruptsTheRunOtherErrorsAreSwallowed() {
        Map<String, Object> journal = run("""
                {"title": "t", "description": "d",
                 "controls": [%s],
                 "method": [
                   {"type": "action", "name": "a1", "provider": {"type": "python", "module": "ctktest_ext", "func": "nothing"}},
                   {"type": "action", "name": "a2", "provider": {"type": "python", "module": "ctktest_ext", "func": "nothing"}},
                   {"type": "action", "name": "a3", "provider": {"type": "python", "module": "ctktest_ext", "func": "nothing"}}],
                 "runtime": {"rollbacks": {"strategy": "never"}}}
                """.formatted(CONTROL.formatted(", \"arguments\": {\"fail_on\": \"a1\", \"interrupt_on\": \"a2\"}")));

        assertThat(journal.get("status")).isEqualTo("interrupted");
        // a1's failing control changed nothing; a2 never ran, its after-control still got called (with no state)
        assertThat(runs(journal)).extracting(r -> (Object) ((Map<?, ?>) r.get("activity")).get("name")).containsExactly("a1");
        assertThat(runs(journal).get(0)).containsEntry("status", "succeeded");
        assertThat(calls(journal)).contains("after_activity_control a2 None")
                .doesNotContain("before_activity_control a3");
    }

    @Test
    void section10_activityLevelControlsScopeAutomaticAndRef() {
        Map<String, Object> journal = run("""
                {"title": "t", "description": "d",
                 "controls": [
                   {"name": "manual", "automatic": false,
                    "provider": {"type": "python", "module": "ctktest_control", "arguments": {"label": " manual"}}},
                   {"name": "auto", "scope": "before",
                    "provider": {"type": "python", "module": "ctktest_control", "arguments": {"label": " auto"}}}],
                 "method": [
                   {"type": "action", "name": "plain", "provider": {"type": "python", "module": "ctktest_ext", "func": "nothing"}},
                   {"type": "action", "name": "own", "provider": {"type": "python", "module": "ctktest_ext", "func": "nothing"},
                    "controls": [{"name": "local", "provider": {"type": "python", "module": "ctktest_control",
                                   "arguments": {"label": " local"}}},
                                 {"name": "manual-ref", "ref": "manual",
                                  "provider": {"type": "python", "module": "ctktest_control",
                                   "arguments": {"label": " via-ref"}}}]}]}
                """);

        List<String> calls = calls(journal);
        // "plain": only the automatic top-level control, and only its before hook (scope)
        assertThat(calls).contains("before_activity_control plain auto")
                .doesNotContain("after_activity_control plain succeeded auto", "before_activity_control plain manual");
        // "own": its own controls, the automatic top-level one first, and the referenced one after the ref
        assertThat(calls).containsSubsequence("before_activity_control own auto", "before_activity_control own local",
                "before_activity_control own via-ref", "before_activity_control own manual");
    }

    @Test
    void section10_aControlChangesTheConfigurationTheRestOfTheRunSees() {
        Map<String, Object> journal = run("""
                {"title": "t", "description": "d", "configuration": {"from_control": "unset"},
                 "controls": [%s],
                 "method": [
                   {"type": "action", "name": "read", "provider": {"type": "python", "module": "ctktest_ext",
                     "func": "with_configuration", "arguments": {"key": "from_control"}}}]}
                """.formatted(CONTROL.formatted(", \"arguments\": {\"set_configuration\": \"changed\"}")));

        assertThat(runs(journal).get(0)).containsEntry("output", "changed");
    }

    @Test
    void globalControlsFromTheServiceConfigurationApplyToEveryRun() {
        ExperimentRunner withGlobal = runner(new ControlsProperties(Map.of("rec",
                Map.of("provider", Map.of("type", "python", "module", "ctktest_control", "arguments", Map.of("label", " global"))))));
        Map<String, Object> journal = withGlobal.run(read("""
                {"title": "t", "description": "d", "method": [
                   {"type": "action", "name": "a", "provider": {"type": "python", "module": "ctktest_ext", "func": "nothing"}}]}
                """), new RunOptions("global-controls", null));

        assertThat(calls(journal)).contains("configure_control global",
                "before_experiment_control t global", "before_activity_control a global");
    }

    /**
     * §3.6: journal order is start order, and a background activity listed before a foreground one starts first,
     * even when its before-control (a Python round trip) delays its start.
     */
    @Test
    void section3_6_backgroundActivityWithAControlIsStillRecordedBeforeTheForegroundOneAfterIt() {
        Map<String, Object> journal = run("""
                {"title": "t", "description": "d", "method": [
                  {"type": "action", "name": "bg", "background": true,
                   "provider": {"type": "python", "module": "conformance.functions", "func": "ret", "arguments": {"value": 1}},
                   "controls": [%s]},
                  {"type": "action", "name": "fg",
                   "provider": {"type": "python", "module": "conformance.functions", "func": "ret", "arguments": {"value": 2}}}]}
                """.formatted(CONTROL.formatted("")));

        assertThat(runs(journal)).extracting(r -> (Object) ((Map<?, ?>) r.get("activity")).get("name"))
                .containsExactly("bg", "fg");
    }

    @Test
    void section2_7_controlsAreValidatedAsChaoslibDoes() {
        assertThat(messages("""
                {"title": "t", "description": "d", "method": [],
                 "controls": [{"provider": {"type": "python", "module": "ctktest_control"}}]}""")
        ).containsExactly("A control must have a `name` property");
        assertThat(messages("""
                {"title": "t", "description": "d", "method": [],
                 "controls": [{"name": "x", "provider": {"type": "python", "module": "not_installed_control"}}]}""")
        ).as("a control module that cannot be imported is only a warning in chaoslib").isEmpty();
        assertThat(messages("""
                {"title": "t", "description": "d", "method": [],
                 "controls": [{"name": "x", "scope": "post", "provider": {"type": "python", "module": "ctktest_control"}}]}""")
        ).containsExactly("Control 'x' scope property must be 'before' or 'after' only");
    }

    @SuppressWarnings("unchecked")
    private static List<String> calls(Map<String, Object> journal) {
        return (List<String>) journal.get("control_calls");
    }

    private List<String> messages(String experiment) {
        return validator.validate(read(experiment)).stream().map(ValidationProblem::message).toList();
    }

    private ExperimentRunner runner(ControlsProperties controls) {
        return TestEngine.engine().python(python).controls(controls).newRunner();
    }

    private Map<String, Object> run(String experiment) {
        return runner.run(read(experiment), new RunOptions("controls", null));
    }
}
