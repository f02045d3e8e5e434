package io.github.dqualizer.ctk.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The judgement over stored documents shaped like dqualizer's process experiment and its journal. */
class RecoveryJudgeTest {

    private static final String MEASURING_RUN = """
            {"status": "completed", "run": [
              {"activity": {"name": "kill", "provider": {"type": "python", "func": "kill_process_by_name"}},
               "status": "succeeded", "output": true},
              {"activity": {"name": "measure", "provider": {"type": "python", "module": "processMonitoring",
                            "func": "get_duration_until_process_started"}},
               "status": "succeeded", "output": %s}]}""";

    @Test
    void judgeWhenRecoveredWithinExpectedThenMet() {
        assertThat(RecoveryJudge.judge(experiment("{\"expected_recovery_time_ms\": 2000}"), MEASURING_RUN.formatted("1003.25")))
                .contains(new ResponseMeasures(2000, 1003.25, true));
    }

    @Test
    void judgeWhenSlowerThanExpectedThenNotMet() {
        assertThat(RecoveryJudge.judge(experiment("{\"expected_recovery_time_ms\": 500}"), MEASURING_RUN.formatted("1003.25")))
                .contains(new ResponseMeasures(500, 1003.25, false));
    }

    @Test
    void judgeWhenProcessNeverCameBackThenActualNullAndNotMet() {
        assertThat(RecoveryJudge.judge(experiment("{\"expected_recovery_time_ms\": 5000}"), MEASURING_RUN.formatted("null")))
                .contains(new ResponseMeasures(5000, null, false));
    }

    @Test
    void judgeWhenOnlyExpectedResponseTimeThenItIsTheBound() {
        assertThat(RecoveryJudge.judge(experiment("{\"expected_response_time_ms\": \"100\"}"), MEASURING_RUN.formatted("80")))
                .contains(new ResponseMeasures(100L, 80.0, true));
    }

    @Test
    void judgeWhenExpectationOnlyInSecondExtensionOrNothingMeasuredThenNone() {
        assertThat(RecoveryJudge.judge(experiment("{\"name\": \"x\"}, {\"expected_recovery_time_ms\": 500}"),
                MEASURING_RUN.formatted("10"))).isEmpty();
        assertThat(RecoveryJudge.judge(experiment("{\"expected_recovery_time_ms\": 500}"), "{\"run\": []}")).isEmpty();
    }

    private static String experiment(String extensions) {
        return "{\"title\": \"t\", \"extensions\": [" + extensions + "]}";
    }
}
