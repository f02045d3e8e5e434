package io.github.dqualizer.ctk.jobs.cluster;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OS process as written into its JobRunr server's name, {@code "host (pid N, ns X)"}: an instance
 * restarted on the same host (same kernel boot and PID namespace) can then see at once that a previous
 * instance's process is gone, instead of waiting for that server's heartbeat to time out.
 *
 * @param host      host name
 * @param pid       process id within its PID namespace
 * @param namespace short digest of the kernel boot id and PID namespace; empty when unknown (not Linux)
 */
record LocalProcess(String host, long pid, String namespace) {

    private static final Pattern NAME = Pattern.compile("^(.+) \\(pid (\\d+), ns ([0-9a-f]+)\\)$");
    private static final int MAX_HOST = 80; // JobRunr allows 127 characters for the whole name

    static LocalProcess current() {
        return new LocalProcess(hostName(), ProcessHandle.current().pid(), namespaceDigest());
    }

    /** The JobRunr server name; without a known namespace only the host name, which names no process. */
    String serverName() {
        return namespace.isEmpty() ? host : host + " (pid " + pid + ", ns " + namespace + ")";
    }

    static Optional<LocalProcess> parse(String serverName) {
        Matcher m = serverName == null ? null : NAME.matcher(serverName);
        return m != null && m.matches() ? Optional.of(new LocalProcess(m.group(1), Long.parseLong(m.group(2)), m.group(3)))
                : Optional.empty();
    }

    /**
     * True only when certain that this process no longer runs: it was on the same host and namespace as
     * {@code here}, and no process has its pid — or the one that has it started after {@code runningSince}
     * (the pid was reused, e.g. pid 1 of a restarted container). Anything uncertain answers false.
     */
    boolean goneAsSeenFrom(LocalProcess here, Instant runningSince) {
        if (namespace.isEmpty() || !namespace.equals(here.namespace) || !host.equals(here.host)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return true;
        }
        return process.get().info().startInstant().map(started -> started.isAfter(runningSince)).orElse(false);
    }

    private static String hostName() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            name = "localhost";
        }
        return name.length() <= MAX_HOST ? name : name.substring(0, MAX_HOST);
    }

    private static String namespaceDigest() {
        try {
            // read as a stream: Files.readString trusts the size procfs reports and read nothing of this file here
            // (kernel 6.18), which left only the PID namespace to tell two machines' processes apart
            String bootId;
            try (var in = Files.newInputStream(Path.of("/proc/sys/kernel/random/boot_id"))) {
                bootId = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            }
            String pidNamespace = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((bootId + "|" + pidNamespace).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (Exception e) {
            return "";
        }
    }
}
