package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.support.ServiceInstance;
import io.github.dqualizer.ctk.support.TestUsers;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A plain run leaves no warning of the persistence layer in the log: an operator's log stays quiet unless something
 * needs a look. (Storing a run's end outside a transaction once made Hibernate warn twice per run, HHH90010101 and
 * HHH90010108.) Only Hibernate's lines are checked: other Spring contexts cached in this test JVM log on their own
 * schedule into the same captured output.
 */
@ExtendWith(OutputCaptureExtension.class)
class RunLogsNoWarningsTest {

    private static final String DATABASE = "jdbc:h2:mem:ctk-run-no-warnings;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

    @Test
    void runFromSubmissionToAnswerLogsNoHibernateWarning(CapturedOutput output) {
        try (ServiceInstance service = ServiceInstance.onDatabase(DATABASE)) {
            TestUsers.ensure(service.bean(DataSource.class));
            int logged = output.length();

            Map<String, Object> answer = service.submitAndWait("""
                    {"title": "quiet", "description": "one action",
                     "method": [{"type": "action", "name": "t", "provider": {"type": "process", "path": "true"}}]}
                    """, 30);

            assertThat(answer).containsEntry("status_code", 200).containsEntry("journal_status", "completed");
            assertThat(output.toString().substring(logged).lines()
                    .filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                    .filter(line -> line.contains("org.hibernate"))).isEmpty();
        }
    }
}
