package io.github.dqualizer.ctk.jobs.fleet;

import io.github.dqualizer.ctk.jobs.jobrunr.JobStartNudger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Collection;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Wakes other instances when this one enqueues a job they may execute: one UDP datagram per instance, on which the
 * receiver fetches from its JobRunr tables at once ({@link JobStartNudger#nudgeFromPeer()}) instead of at its next
 * poll (5 s in JobRunr OSS). MySQL has no LISTEN/NOTIFY, and a sub-second poll per instance is what the issue
 * forbids. A datagram carries nothing but "fetch now", so a lost, duplicated or forged one costs at most one early
 * fetch (coalesced with any other); a lost one only delays that start to JobRunr's poll.
 * An accept-only instance sends but does not listen: it executes nothing.
 */
@Component
class PeerNudges implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PeerNudges.class);
    private static final byte[] FETCH = {'F'};

    private final DatagramSocket socket;
    private final String address;

    PeerNudges(FleetProperties properties, ObjectProvider<BackgroundJobServer> jobServer, JobStartNudger nudger) {
        try {
            boolean executes = jobServer.getIfAvailable() != null;
            this.socket = executes ? new DatagramSocket(new InetSocketAddress(properties.nudgeBind(), properties.nudgePort()))
                    : new DatagramSocket();
            this.address = executes ? properties.nudgeAddress() + ":" + socket.getLocalPort() : null;
            if (executes) {
                Thread receiver = new Thread(() -> receive(nudger), "peer-nudges");
                receiver.setDaemon(true);
                receiver.start();
            }
        } catch (SocketException e) {
            throw new UncheckedIOException("Cannot open the UDP socket for nudges (ctk.fleet.nudge-port "
                    + properties.nudgePort() + ")", e);
        }
    }

    /** host:port the other instances nudge this one on; null for an accept-only instance. */
    String address() {
        return address;
    }

    /** Best effort: a failed send only means the job starts at the receiver's next poll. */
    void nudge(Collection<String> addresses) {
        for (String target : addresses) {
            int colon = target.lastIndexOf(':');
            try {
                InetSocketAddress to = new InetSocketAddress(target.substring(0, colon),
                        Integer.parseInt(target.substring(colon + 1)));
                socket.send(new DatagramPacket(FETCH, FETCH.length, to));
            } catch (IOException | RuntimeException e) {
                log.debug("Nudge to {} not sent: {}", target, e.toString());
            }
        }
    }

    private void receive(JobStartNudger nudger) {
        byte[] buffer = new byte[16];
        while (!socket.isClosed()) {
            try {
                socket.receive(new DatagramPacket(buffer, buffer.length));
                nudger.nudgeFromPeer();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.debug("Receiving a nudge failed: {}", e.toString());
                }
            }
        }
    }

    @Override
    public void destroy() {
        socket.close();
    }
}
