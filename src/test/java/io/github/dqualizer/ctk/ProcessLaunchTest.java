package io.github.dqualizer.ctk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which launch mechanism the service chooses per OS and JDK (the choice itself; its cost is in docs/benchmarks.md). */
class ProcessLaunchTest {

    @Test
    void vforkOnLinuxUpToJdk25AndTheJdkDefaultElsewhere() {
        assertThat(ProcessLaunch.mechanism("Linux", 17)).isEqualTo("VFORK");
        assertThat(ProcessLaunch.mechanism("Linux", 25)).isEqualTo("VFORK");
        assertThat(ProcessLaunch.mechanism("Linux", 26)).isNull();
        assertThat(ProcessLaunch.mechanism("Mac OS X", 17)).isNull();
        assertThat(ProcessLaunch.mechanism("Windows 11", 17)).isNull();
    }
}
