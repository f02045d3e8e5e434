package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.details.JobDetailsAsmGenerator;
import org.jobrunr.jobs.lambdas.IocJobLambda;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.junit.jupiter.api.Test;

/** The run's job is built by hand; it must be the job JobRunr builds from the lambda it replaces. */
class RunSubmitterJobTest {

    @Test
    void theRunsJobIsTheOneJobRunrBuildsFromTheLambda() {
        String runId = UUID.randomUUID().toString();
        JobDetails fromLambda = new JobDetailsAsmGenerator()
                .toJobDetails((IocJobLambda<ExperimentJob>) job -> job.execute(runId));

        Job job = RunSubmitter.job(runId, "  A   title\nover lines ");

        Jackson3JsonMapper json = new Jackson3JsonMapper();
        assertThat(json.serialize(job.getJobDetails())).isEqualTo(json.serialize(fromLambda));
        assertThat(job.getId()).isEqualTo(UUID.fromString(runId));
        assertThat(job.getJobName()).isEqualTo("A title over lines");
        assertThat(job.getAmountOfRetries()).isZero();
        assertThat(job.getState()).isEqualTo(StateName.ENQUEUED);
    }
}
