package io.github.dqualizer.ctk.jobs.fleet;

import java.util.List;

/** A run (or schedule) names a host on which no instance that executes runs is alive: nothing was stored. */
public class NoLiveHostException extends RuntimeException {

    private final String host;
    private final List<String> liveHosts;

    NoLiveHostException(String host, List<String> liveHosts, String why) {
        super("No live instance on host '" + host + "' " + why + "; live hosts: " + liveHosts + ". Nothing was stored.");
        this.host = host;
        this.liveHosts = List.copyOf(liveHosts);
    }

    public String host() {
        return host;
    }

    public List<String> liveHosts() {
        return liveHosts;
    }
}
