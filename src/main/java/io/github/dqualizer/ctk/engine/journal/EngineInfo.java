package io.github.dqualizer.ctk.engine.journal;

import java.net.InetAddress;
import java.util.Locale;

/** The journal's {@code chaoslib-version}, {@code platform} and {@code node}, computed once. */
public final class EngineInfo {

    /** The chaoslib version whose behaviour this engine reproduces. */
    public static final String CHAOSLIB_VERSION = "1.45.0";
    public static final String PLATFORM = platform();
    public static final String NODE = node();

    private EngineInfo() {
    }

    /** Like Python's {@code platform.platform()}: {@code Linux-6.1.0-18-amd64-x86_64-with-glibc}. */
    private static String platform() {
        String arch = System.getProperty("os.arch", "");
        if (arch.equals("amd64")) {
            arch = "x86_64";
        } else if (arch.equals("arm64")) {
            arch = "aarch64";
        }
        String os = System.getProperty("os.name", "unknown");
        String libc = os.toLowerCase(Locale.ROOT).contains("linux") ? "-with-glibc" : "";
        return os + "-" + System.getProperty("os.version", "") + "-" + arch + libc;
    }

    private static String node() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
