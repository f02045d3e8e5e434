package io.github.dqualizer.ctk.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Telling from a JobRunr server's name whether its process on this host is gone, with real processes. */
class LocalProcessTest {

    private final LocalProcess here = LocalProcess.current();

    @Test
    void serverNameWhenParsedThenSameProcess() {
        assumeTrue(!here.namespace().isEmpty(), "no /proc: the name carries no process");
        assertThat(LocalProcess.parse(here.serverName())).contains(here);
        assertThat(LocalProcess.parse("just-a-host")).isEmpty();
    }

    @Test
    void processWhenItExitedThenGone() throws Exception {
        assumeTrue(!here.namespace().isEmpty(), "no /proc: nothing can be told");
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        LocalProcess dead = new LocalProcess(here.host(), exited.pid(), here.namespace());

        assertThat(dead.goneAsSeenFrom(here, Instant.now().minusSeconds(60))).isTrue();
    }

    @Test
    void processWhenRunningSinceBeforeItsServerStartedThenNotGone() {
        assertThat(here.goneAsSeenFrom(here, Instant.now())).isFalse();
    }

    @Test
    void pidWhenReusedByALaterProcessThenGone() {
        assumeTrue(!here.namespace().isEmpty(), "no /proc: nothing can be told");
        // a server that started before this JVM existed cannot have been this JVM
        assertThat(here.goneAsSeenFrom(here, Instant.EPOCH)).isTrue();
    }

    @Test
    void processWhenOnAnotherHostOrNamespaceThenNeverGone() {
        LocalProcess elsewhere = new LocalProcess("other-host", 999_999_999L, here.namespace());
        LocalProcess otherNamespace = new LocalProcess(here.host(), 999_999_999L, "abcdef");

        assertThat(elsewhere.goneAsSeenFrom(here, Instant.EPOCH)).isFalse();
        assertThat(otherNamespace.goneAsSeenFrom(here, Instant.EPOCH)).isFalse();
    }
}
