package io.github.dqualizer.ctk.jobs.cluster;

import org.jobrunr.server.BackgroundJobServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Names this instance on the runs it executes: its JobRunr background job server id, so that
 * JobRunr's own server heartbeats tell whether the instance running a run is still alive.
 */
@Component
public class InstanceIdentity {

    private final String name;
    private final String host;
    private final boolean jobServer;

    InstanceIdentity(ObjectProvider<BackgroundJobServer> server, InstanceProperties properties) {
        BackgroundJobServer jobServer = server.getIfAvailable();
        this.name = jobServer == null ? "no-job-server" : jobServer.getId().toString();
        this.host = properties.host();
        this.jobServer = jobServer != null;
    }

    /** Only an instance with a job server has a heartbeat, so only it can be seen alive by the others. */
    public boolean hasJobServer() {
        return jobServer;
    }

    public String name() {
        return name;
    }

    /** {@code ctk.instance.host}: the host whose processes this instance's runs act on. */
    public String host() {
        return host;
    }
}
