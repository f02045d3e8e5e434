package io.github.dqualizer.ctk.pythonruntime;

import ctktest.TestEngine;
import static org.assertj.core.api.Assertions.assertThat;

import ctktest.PythonTestModules;
import io.github.dqualizer.ctk.engine.ExperimentRunner;
import io.github.dqualizer.ctk.engine.RunOptions;
import io.github.dqualizer.ctk.experiment.ExperimentReader;
import io.github.dqualizer.ctk.experiment.ExperimentValidator;
import io.github.dqualizer.ctk.experiment.ValidationProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Python activities of modules that are not built in, run by a real {@code python3} worker with the test extension
 * {@code src/test/resources/python/ctktest_ext.py} and stdlib functions; each case is what chaoslib 1.41 does
 * (ctk-semantics.md §2.3 validation, §6.1 the python provider).
 */
class PythonActivitiesTest {

    private final PythonRuntime python = PythonTestModules.runtime();
    private final ExperimentValidator validator = TestEngine.engine().python(python).newValidator();
    private final ExperimentRunner runner = TestEngine.engine().python(python).newRunner();

    // §2.3: chaoslib's validation messages, word for word

    @Test
    void section2_3_moduleThatCannotBeImportedIsRefusedWithChaoslibsMessage() {
        assertThat(messages(method(action("y", "{\"type\": \"python\", \"module\": \"x\", \"func\": \"f\"}"))))
                .containsExactly("could not find Python module 'x' in activity 'y'");
    }

    @Test
    void section2_3_missingFunctionAndClassesAreRefused() {
        assertThat(messages(method(action("a", provider("missing", "{}")))))
                .containsExactly("The python module 'ctktest_ext' does not expose a function called 'missing' in action 'a'");
        assertThat(messages(method(probe("p", provider("NotAFunction", "{}")))))
                .containsExactly("The python module 'ctktest_ext' does not expose a function called 'NotAFunction' in probe 'p'");
    }

    @Test
    void section2_3_argumentsAreBoundAgainstTheSignatureNamingTheFunction() {
        assertThat(messages(method(action("ok", provider("add", "{}")))))
                .containsExactly("required argument 'a' is missing from activity 'add'");
        assertThat(messages(method(action("ok", provider("add", "{\"a\": 1, \"c\": 2}")))))
                .containsExactly("argument 'c' is not part of the function signature in activity 'add'");
        assertThat(messages(method(action("ok", provider("with_anything", "{\"c\": 2}"))))).isEmpty();
        // configuration and secrets are placeholders: declared without default, still valid
        assertThat(messages(method(action("ok", provider("with_configuration", "{\"key\": \"k\"}"))))).isEmpty();
    }

    @Test
    void section2_3_stdlibFunctionsValidate() {
        assertThat(messages(method(probe("exists",
                "{\"type\": \"python\", \"module\": \"os.path\", \"func\": \"exists\", \"arguments\": {\"path\": \"/\"}}"))))
                .isEmpty();
        assertThat(messages(method(probe("exists", "{\"type\": \"python\", \"module\": \"os.path\", \"func\": \"exists\"}"))))
                .containsExactly("required argument 'path' is missing from activity 'exists'");
    }

    @Test
    void section2_4_probeToleranceIsValidatedWithoutValue() {
        String hypothesis = """
                "steady-state-hypothesis": {"title": "h", "probes": [{"type": "probe", "name": "p",
                  "provider": {"type": "python", "module": "ctktest_ext", "func": "ret", "arguments": {"value": 1}},
                  "tolerance": {"type": "probe", "name": "t",
                    "provider": {"type": "python", "module": "ctktest_ext", "func": "strict_below", "arguments": {"limit": 3}}}}]},
                """;
        assertThat(messages(read("{\"title\": \"t\", \"description\": \"d\", " + hypothesis + " \"method\": []}")))
                .containsExactly("required argument 'value' is missing from activity 'strict_below'");
    }

    @Test
    void moduleRaisingOnImportIsRefusedWithTheError() {
        assertThat(messages(method(action("b", "{\"type\": \"python\", \"module\": \"ctktest_broken\", \"func\": \"f\"}"))))
                .containsExactly("importing Python module 'ctktest_broken' in activity 'b' failed: ValueError: broken on import");
    }

    @Test
    void withoutPythonAModuleThatIsNotBuiltInIsRefusedNamingTheSetting() {
        ExperimentValidator noPython = TestEngine.engine().python(PythonTestModules.withoutPython()).newValidator();
        List<ValidationProblem> problems = noPython.validate(method(action("a", provider("nothing", "{}"))));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("python module 'ctktest_ext' of activity 'a' is not built into the service and needs Python, "
                        + "but ctk.python.executable '/nonexistent/python3' cannot be started"));
        // built-in functions need no Python
        assertThat(noPython.validate(method(action("b",
                "{\"type\": \"python\", \"module\": \"conformance.functions\", \"func\": \"ret\"}")))).isEmpty();
    }

    // §6.1: running

    @Test
    void section6_1_stdlibFunctionOutputIsItsReturnValue() {
        Map<String, Object> run = onlyRun(method(probe("exists",
                "{\"type\": \"python\", \"module\": \"os.path\", \"func\": \"exists\", \"arguments\": {\"path\": \"/\"}}")));

        assertThat(run).containsEntry("status", "succeeded").containsEntry("output", true);
    }

    @Test
    void section6_1_anyExceptionFailsTheActivityWithChaoslibsLastExceptionLine() {
        Map<String, Object> journal = run(method(action("a", provider("oops", "{}")),
                action("b", provider("activity_failed", "{}")), action("c", provider("ret", "{\"value\": 1}"))));

        assertThat(journal.get("status")).isEqualTo("completed");
        List<Map<String, Object>> runs = runs(journal);
        assertThat(runs.get(0)).containsEntry("status", "failed").containsEntry("output", null);
        assertThat(lastLine(runs.get(0))).isEqualTo("chaoslib.exceptions.ActivityFailed: RuntimeError: oops\n");
        assertThat(exception(runs.get(0))).anySatisfy(line -> assertThat(line).contains("ctktest_ext.py"));
        assertThat(lastLine(runs.get(1)))
                .isEqualTo("chaoslib.exceptions.ActivityFailed: chaoslib.exceptions.ActivityFailed: boom\n");
        assertThat(runs.get(2)).containsEntry("status", "succeeded").containsEntry("output", 1);
    }

    @Test
    void section6_1_argumentsAreSubstitutedAndBadArgumentsFailAsTypeError() {
        Map<String, Object> journal = run(read("""
                {"title": "t", "description": "d", "configuration": {"n": 41},
                 "method": [%s, %s]}""".formatted(action("a", provider("add", "{\"a\": \"${n}\"}")),
                action("b", provider("add", "{\"z\": 1}")))));

        assertThat(runs(journal).get(0)).containsEntry("output", 42);
        assertThat(lastLine(runs(journal).get(1))).isEqualTo(
                "chaoslib.exceptions.ActivityFailed: TypeError: add() got an unexpected keyword argument 'z'\n");
    }

    @Test
    void section6_1_configurationIsInjectedWholeAndSecretsOnlyFromListedScopes() {
        Map<String, Object> journal = run(read("""
                {"title": "t", "description": "d", "configuration": {"k": "v"},
                 "secrets": {"one": {"a": "1", "b": "1"}, "two": {"b": "22"}, "three": {"c": "333"}},
                 "method": [%s, %s, %s]}""".formatted(
                action("config", provider("with_configuration", "{\"key\": \"k\"}")),
                action("listed", "{\"type\": \"python\", \"module\": \"ctktest_ext\", \"func\": \"with_secrets\", "
                        + "\"secrets\": [\"one\", \"two\"]}"),
                action("unlisted", provider("with_secrets", "{}")))));

        List<Map<String, Object>> runs = runs(journal);
        assertThat(runs.get(0)).containsEntry("output", "v");
        assertThat(runs.get(1).get("output")).isEqualTo(Map.of("a", 1, "b", 2));
        assertThat(runs.get(2)).containsEntry("output", null);
    }

    @Test
    void section6_1_aFunctionReplacedAtRunTimeByOneDeclaringConfigurationGetsIt() {
        // the service leaves configuration out of calls of a function the worker said does not declare it; chaoslib
        // looks at the function at every call, so the replacement must get it
        Map<String, Object> journal = run(read("""
                {"title": "t", "description": "d", "configuration": {"k": "v"},
                 "method": [%s, %s, %s]}""".formatted(action("before", provider("replaceable", "{}")),
                action("replace", provider("replace_with_configuration_user", "{}")),
                action("after", provider("replaceable", "{}")))));

        assertThat(runs(journal)).extracting(r -> r.get("output")).containsExactly("plain", null, "v");
    }

    @Test
    void section6_1_moduleMissingAtRunTimeAbortsTheRun() {
        Map<String, Object> journal = run(method(action("a", "{\"type\": \"python\", \"module\": \"nope\", \"func\": \"f\"}"),
                action("b", provider("nothing", "{}"))));

        assertThat(journal.get("status")).isEqualTo("aborted");
        assertThat(runs(journal)).singleElement().satisfies(run -> {
            assertThat(run).doesNotContainKey("status");
            assertThat(lastLine(run)).isEqualTo("ModuleNotFoundError: No module named 'nope'\n");
        });
    }

    @Test
    void outputsJsonCannotHoldAreWrittenAsChaostoolkitsEncoderDoes() {
        List<Map<String, Object>> runs = runs(run(method(action("odd", provider("odd_output", "{}")),
                action("nan", provider("not_a_number", "{}")), action("chatty", provider("chatty", "{}")))));

        assertThat(runs.get(0).get("output")).isEqualTo(Map.of(
                "when", "2024-01-02T03:04:05.000006", "day", "2024-01-02", "price", "6.70",
                "id", "00000000-0000-0000-0000-000000000001", "thing", "a thing", "tuple", List.of(1, 2)));
        assertThat(runs.get(1)).containsEntry("status", "succeeded").containsEntry("output", "nan");
        assertThat(runs.get(2)).containsEntry("status", "succeeded").containsEntry("output", "quiet");
    }

    @Test
    void moduleStateLivesForTheRunAndEachRunHasItsOwnWorker() {
        Map<String, Object> experiment = method(action("a", provider("count", "{}")), action("b", provider("count", "{}")));

        assertThat(runs(run(experiment))).extracting(r -> r.get("output")).containsExactly(1, 2);
        assertThat(runs(run(experiment))).extracting(r -> r.get("output")).containsExactly(1, 2);
    }

    @Test
    void noPythonProcessOutlivesTheRun() {
        Map<String, Object> run = onlyRun(method(action("pid", provider("pid", "{}"))));

        long pid = ((Number) run.get("output")).longValue();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void section4_5_probeToleranceAndHypothesisWithPythonProviders() {
        Map<String, Object> journal = run(read("""
                {"title": "t", "description": "d",
                 "steady-state-hypothesis": {"title": "h", "probes": [
                   {"type": "probe", "name": "two", "provider": {"type": "python", "module": "ctktest_ext", "func": "ret",
                     "arguments": {"value": 2}},
                    "tolerance": {"type": "probe", "name": "below",
                      "provider": {"type": "python", "module": "ctktest_ext", "func": "below", "arguments": {"limit": 3}}}}]},
                 "method": []}"""));

        assertThat(journal.get("status")).isEqualTo("completed");
        assertThat(journal.get("deviated")).isEqualTo(false);
        @SuppressWarnings("unchecked")
        Map<String, Object> before = (Map<String, Object>) ((Map<String, Object>) journal.get("steady_states")).get("before");
        assertThat(before.get("steady_state_met")).isEqualTo(true);
    }

    @Test
    void section3_1_dynamicConfigurationFromAPythonProbe() {
        Map<String, Object> run = onlyRun(read("""
                {"title": "t", "description": "d",
                 "configuration": {"n": {"type": "probe", "name": "n",
                   "provider": {"type": "python", "module": "ctktest_ext", "func": "add", "arguments": {"a": 1}}}},
                 "method": [%s]}""".formatted(action("a", provider("ret", "{\"value\": \"${n}\"}")))));

        assertThat(run).containsEntry("output", 2);
    }

    @Test
    void section3_10_systemExitInAFunctionInterruptsTheRun() {
        Map<String, Object> journal = run(method(action("exit", provider("exit_run", "{}")), action("b", provider("nothing", "{}"))));

        assertThat(journal.get("status")).isEqualTo("interrupted");
        assertThat(runs(journal)).singleElement().satisfies(run -> assertThat(run).doesNotContainKey("status"));
    }

    @Test
    void aWorkerThatDiesFailsItsActivityAndTheNextActivityGetsANewWorker() {
        Map<String, Object> journal = run(method(action("die", provider("die", "{}")), action("b", provider("ret", "{\"value\": 1}"))));

        assertThat(journal.get("status")).isEqualTo("completed");
        List<Map<String, Object>> runs = runs(journal);
        assertThat(runs.get(0)).containsEntry("status", "failed");
        assertThat(lastLine(runs.get(0))).matches("chaoslib\\.exceptions\\.ActivityFailed: PythonWorkerDied: the Python worker "
                + "\\(pid \\d+\\) exited with status 3 while running ctktest_ext\\.die\n");
        assertThat(runs.get(1)).containsEntry("status", "succeeded").containsEntry("output", 1);
    }

    @Test
    void withoutPythonBuiltInFunctionsStillRun() {
        ExperimentRunner noPython = TestEngine.engine().python(PythonTestModules.withoutPython()).newRunner();
        Map<String, Object> journal = noPython.run(method(action("b",
                "{\"type\": \"python\", \"module\": \"conformance.functions\", \"func\": \"ret\", \"arguments\": {\"value\": 5}}")),
                new RunOptions("no-python", null));

        assertThat(journal.get("status")).isEqualTo("completed");
        assertThat(runs(journal).get(0)).containsEntry("output", 5);
    }

    // helpers

    private List<String> messages(Map<String, Object> experiment) {
        return validator.validate(experiment).stream().map(ValidationProblem::message).toList();
    }

    private Map<String, Object> run(Map<String, Object> experiment) {
        return runner.run(experiment, new RunOptions("python-test", null));
    }

    private Map<String, Object> onlyRun(Map<String, Object> experiment) {
        Map<String, Object> journal = run(experiment);
        assertThat(journal.get("status")).as("journal %s", journal).isEqualTo("completed");
        return runs(journal).get(0);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> runs(Map<String, Object> journal) {
        return (List<Map<String, Object>>) journal.get("run");
    }

    @SuppressWarnings("unchecked")
    static List<String> exception(Map<String, Object> run) {
        return (List<String>) run.get("exception");
    }

    static String lastLine(Map<String, Object> run) {
        List<String> lines = exception(run);
        assertThat(lines).as("exception of %s", run).isNotEmpty();
        return lines.get(lines.size() - 1);
    }

    static String provider(String func, String arguments) {
        return "{\"type\": \"python\", \"module\": \"ctktest_ext\", \"func\": \"" + func + "\", \"arguments\": " + arguments + "}";
    }

    static String action(String name, String provider) {
        return "{\"type\": \"action\", \"name\": \"" + name + "\", \"provider\": " + provider + "}";
    }

    static String probe(String name, String provider) {
        return "{\"type\": \"probe\", \"name\": \"" + name + "\", \"provider\": " + provider + "}";
    }

    static Map<String, Object> method(String... activities) {
        return read("{\"title\": \"t\", \"description\": \"d\", \"method\": [" + String.join(", ", activities) + "]}");
    }

    static Map<String, Object> read(String json) {
        return new ExperimentReader().read(json.getBytes(StandardCharsets.UTF_8), false);
    }
}
