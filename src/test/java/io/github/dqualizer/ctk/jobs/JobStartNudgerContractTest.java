package io.github.dqualizer.ctk.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.JobSteward;
import org.junit.jupiter.api.Test;

/**
 * Fails loudly when JobRunr changes the internals {@link JobStartNudger} relies on for instant
 * job starts (docs/adr/0001-instant-job-start.md). If this fails after a JobRunr upgrade, re-check
 * the ADR before changing the nudger.
 */
class JobStartNudgerContractTest {

    @Test
    void jobRunrStillExposesTheFetchHookTheNudgerUses() throws NoSuchMethodException {
        Method steward = BackgroundJobServer.class.getMethod("getJobSteward");
        assertThat(steward.getReturnType()).isEqualTo(JobSteward.class);
        for (String name : new String[] {"notifyThreadOccupied", "notifyThreadIdle"}) {
            Method method = JobSteward.class.getMethod(name);
            assertThat(Modifier.isPublic(method.getModifiers())).as(name + " is public").isTrue();
            assertThat(method.getParameterCount()).as(name + " takes no arguments").isZero();
        }
    }
}
