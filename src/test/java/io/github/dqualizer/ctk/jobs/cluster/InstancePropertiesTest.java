package io.github.dqualizer.ctk.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class InstancePropertiesTest {

    @Test
    void hostWhenNotConfiguredThenTheMachinesHostName() throws Exception {
        assertThat(new InstanceProperties(null).host()).isEqualTo(InetAddress.getLocalHost().getHostName());
        assertThat(new InstanceProperties(" ").host()).isEqualTo(InetAddress.getLocalHost().getHostName());
    }

    @Test
    void hostWhenConfiguredThenKept() {
        assertThat(new InstanceProperties("chaos-host-b").host()).isEqualTo("chaos-host-b");
    }
}
