package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.dqualizer.ctk.jobs.store.ExperimentRun;

import java.time.Instant;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.utils.mapper.jackson3.Jackson3JsonMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** A real (never started) JobRunr server stands for "this instance executes runs"; no mocks. */
class AcceptedRunsTest {

    @Test
    void anInstanceWithAJobServerHoldsAnAcceptedRunUntilItsJobTakesIt() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("jobServer", new BackgroundJobServer(new InMemoryStorageProvider(), new Jackson3JsonMapper(),
                new JobActivator() {
                    @Override
                    public <T> T activateJob(Class<T> type) {
                        return null;
                    }
                }, BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()));
        AcceptedRuns accepted = new AcceptedRuns(beans.getBeanProvider(BackgroundJobServer.class));

        accepted.accepted(run("r-1"));

        assertThat(accepted.take("r-1")).extracting(ExperimentRun::id).isEqualTo("r-1");
        assertThat(accepted.take("r-1")).as("taken once").isNull();
    }

    @Test
    void anInstanceWithoutAJobServerHoldsNothing() {
        AcceptedRuns accepted = new AcceptedRuns(new StaticListableBeanFactory().getBeanProvider(BackgroundJobServer.class));

        accepted.accepted(run("r-2"));

        assertThat(accepted.take("r-2")).as("no job here would ever claim it").isNull();
    }

    private static ExperimentRun run(String id) {
        return new ExperimentRun(id, "demoUser", "title", null, "{\"title\":\"title\"}", null, Instant.now());
    }
}
