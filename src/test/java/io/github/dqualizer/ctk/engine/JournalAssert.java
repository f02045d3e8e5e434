package io.github.dqualizer.ctk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.experiment.ValidationProblem;
import io.github.dqualizer.ctk.pyvalues.PyValues;
import java.util.List;
import java.util.Map;

/** Compares a journal with a conformance case's {@code expect} block. */
final class JournalAssert {

    private JournalAssert() {
    }

    static void problems(List<ValidationProblem> actual, List<Map<String, Object>> expected) {
        if (expected == null) {
            return;
        }
        for (Map<String, Object> e : expected) {
            assertThat(actual).as("problems %s", actual).anySatisfy(p -> {
                if (e.containsKey("location")) {
                    assertThat(p.location()).isEqualTo(e.get("location"));
                }
                assertThat(p.message()).contains((String) e.get("messageContains"));
            });
        }
    }

    @SuppressWarnings("unchecked")
    static void journal(Map<String, Object> journal, Map<String, Object> expect, double seconds) {
        String dump = String.valueOf(journal);
        assertThat(journal.get("status")).as("status in %s", dump).isEqualTo(expect.get("status"));
        if (expect.containsKey("deviated")) {
            assertThat(journal.get("deviated")).as("deviated in %s", dump).isEqualTo(expect.get("deviated"));
        }
        Map<String, Object> states = (Map<String, Object>) journal.get("steady_states");
        for (String phase : List.of("before", "after")) {
            if (expect.containsKey(phase)) {
                assertThat(met(states.get(phase))).as("%s in %s", phase, dump).isEqualTo(expect.get(phase));
            }
            if (expect.containsKey(phase + "Probes")) {
                records(((Map<String, Object>) states.get(phase)).get("probes"),
                        (List<Map<String, Object>>) expect.get(phase + "Probes"), dump);
            }
        }
        List<?> during = (List<?>) states.get("during");
        if (expect.containsKey("duringMin")) {
            assertThat(during.size()).as("during in %s", dump).isGreaterThanOrEqualTo(num(expect.get("duringMin")));
        }
        if (expect.containsKey("duringMax")) {
            assertThat(during.size()).as("during in %s", dump).isLessThanOrEqualTo(num(expect.get("duringMax")));
        }
        if (expect.containsKey("runs")) {
            records(journal.get("run"), (List<Map<String, Object>>) expect.get("runs"), dump);
        }
        if (expect.containsKey("rollbacks")) {
            records(journal.get("rollbacks"), (List<Map<String, Object>>) expect.get("rollbacks"), dump);
        }
        if (expect.containsKey("journal")) {
            ((Map<String, Object>) expect.get("journal")).forEach((path, value) ->
                    assertThat(strictEqual(at(journal, path), value)).as("%s = %s in %s", path, value, dump).isTrue());
        }
        if (expect.containsKey("errorContains")) {
            assertThat(String.valueOf(journal.get("dqualizer-ctk"))).contains((String) expect.get("errorContains"));
        }
        if (expect.containsKey("maxSeconds")) {
            assertThat(seconds).isLessThanOrEqualTo(((Number) expect.get("maxSeconds")).doubleValue());
        }
        if (expect.containsKey("minSeconds")) {
            assertThat(seconds).isGreaterThanOrEqualTo(((Number) expect.get("minSeconds")).doubleValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static void records(Object actual, List<Map<String, Object>> expected, String dump) {
        List<Map<String, Object>> list = (List<Map<String, Object>>) actual;
        assertThat(list).as("records in %s", dump).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> record = list.get(i);
            Map<String, Object> e = expected.get(i);
            if (e.containsKey("status")) {
                assertThat(record.get("status")).as("record %d status in %s", i, dump).isEqualTo(e.get("status"));
                assertThat(record.containsKey("status")).isEqualTo(e.get("status") != null);
            }
            if (e.containsKey("output")) {
                assertThat(strictEqual(record.get("output"), e.get("output")))
                        .as("record %d output %s in %s", i, record.get("output"), dump).isTrue();
            }
            if (e.containsKey("outputSubset")) {
                ((Map<String, Object>) e.get("outputSubset")).forEach((k, v) -> assertThat(
                        strictEqual(at(record.get("output"), k), v)).as("output.%s in %s", k, dump).isTrue());
            }
            if (e.containsKey("exceptionContains")) {
                List<String> lines = (List<String>) record.get("exception");
                assertThat(lines).as("exception in %s", dump).isNotNull();
                assertThat(lines.get(lines.size() - 1)).contains((String) e.get("exceptionContains"));
            }
            if (e.containsKey("toleranceMet")) {
                assertThat(record.get("tolerance_met")).as("tolerance_met in %s", dump).isEqualTo(e.get("toleranceMet"));
            }
            if (e.containsKey("name")) {
                assertThat(((Map<String, Object>) record.get("activity")).get("name")).isEqualTo(e.get("name"));
            }
        }
    }

    private static Object met(Object state) {
        if (state == null) {
            return null;
        }
        Object met = ((Map<?, ?>) state).get("steady_state_met");
        return met == null ? "partial" : (Boolean.TRUE.equals(met) ? "met" : "not met");
    }

    /** Dotted path with {@code [n]} indexes, e.g. {@code experiment.title} or {@code body.list[1]}. */
    static Object at(Object root, String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            String key = part.replaceAll("\\[\\d+]", "");
            if (!key.isEmpty()) {
                current = current instanceof Map<?, ?> m ? m.get(key) : null;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(part);
            while (m.find()) {
                current = current instanceof List<?> l ? l.get(Integer.parseInt(m.group(1))) : null;
            }
        }
        return current;
    }

    /** Equality that keeps JSON types apart ({@code 1 != true}) but ignores Java number classes. */
    static boolean strictEqual(Object a, Object b) {
        if (a instanceof Boolean || b instanceof Boolean || a instanceof String || b instanceof String || a == null
                || b == null) {
            return java.util.Objects.equals(a, b);
        }
        if (a instanceof Number && b instanceof Number) {
            return PyValues.equal(a, b);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!strictEqual(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            return ma.keySet().equals(mb.keySet())
                    && ma.keySet().stream().allMatch(k -> strictEqual(ma.get(k), mb.get(k)));
        }
        return false;
    }

    private static int num(Object o) {
        return ((Number) o).intValue();
    }
}
