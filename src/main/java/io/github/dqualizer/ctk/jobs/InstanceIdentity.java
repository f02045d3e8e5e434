package io.github.dqualizer.ctk.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A name for this service instance, stored on the runs it executes (host name + a per-start suffix). */
@Component
public class InstanceIdentity {

    private final String name;

    InstanceIdentity() {
        this.name = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String name() {
        return name;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
