package io.github.dqualizer.ctk.jobs.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dqualizer.ctk.jobs.cluster.InstanceIdentity;
import io.github.dqualizer.ctk.jobs.cluster.LiveInstances;
import io.github.dqualizer.ctk.support.ServiceInstance;
import org.junit.jupiter.api.Test;

/**
 * An instance that reports ready is already a live member of the fleet: its JobRunr server's first heartbeat is
 * stored and its host is registered, so a {@code ?host=} naming it right away is routed, not refused. JobRunr writes
 * that heartbeat asynchronously after its own start, so without the wait in {@link FleetMembers} the first check
 * here depended on which thread was faster (FleetMySqlTest once saw a just-started host missing from the live hosts).
 */
class ReadyInstanceIsLiveMemberTest {

    private static final String DATABASE = "jdbc:h2:mem:ctk-ready-member;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

    @Test
    void instanceIsLiveAndItsHostRegisteredAsSoonAsItIsReady() {
        try (ServiceInstance service = ServiceInstance.onDatabase(DATABASE)) {
            InstanceIdentity identity = service.bean(InstanceIdentity.class);

            assertThat(service.bean(LiveInstances.class).alive()).contains(identity.name());
            FleetMembers members = service.bean(FleetMembers.class);
            assertThat(members.liveHosts(members.liveNow())).contains(identity.host());
        }
    }
}
