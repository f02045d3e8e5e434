package io.github.dqualizer.ctk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A MariaDB server of the test's own (own datadir, port and socket under a temp directory) that the
 * test can stop and start again on the same data, with a database {@code ctk} and dqualizer's
 * {@code aDBUser}/{@code aDBPw} account.
 */
public final class PrivateMariaDb implements AutoCloseable {

    public static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final String DATABASE = "ctk";

    private final Path dir;
    private final int port;
    private Process server;

    private PrivateMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static boolean available() {
        return Files.isExecutable(SERVER);
    }

    /** Creates a fresh datadir in {@code dir}, starts the server and creates the database and account. */
    public static PrivateMariaDb start(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PrivateMariaDb db = new PrivateMariaDb(dir, ExternalService.freePort());
        run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + db.dataDir(), "--user=" + user(),
                "--auth-root-authentication-method=normal", "--skip-test-db"), dir.resolve("install.log"));
        try {
            db.startServer();
            db.sql("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                    + "CREATE USER 'aDBUser'@'%' IDENTIFIED BY 'aDBPw';"
                    + "CREATE USER 'aDBUser'@'localhost' IDENTIFIED BY 'aDBPw';"
                    + "GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO 'aDBUser'@'%';"
                    + "GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO 'aDBUser'@'localhost';");
            return db;
        } catch (RuntimeException e) {
            db.close(); // never leave a server behind when setting it up failed
            throw e;
        }
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Stops the server cleanly (SIGTERM) and waits until it is gone: the port refuses connections. */
    public void stop() {
        server.destroy();
        try {
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server again on the same datadir and port; returns when it answers. */
    public void startAgain() {
        startServer();
    }

    private void startServer() {
        List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults",
                "--datadir=" + dataDir(), "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + socket(),
                "--pid-file=" + dir.resolve("mariadbd.pid"), "--user=" + user(), "--skip-log-bin",
                "--innodb-buffer-pool-size=64M", "--max-connections=200", "--log-error=" + dir.resolve("error.log")));
        try {
            server = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!server.isAlive()) {
                throw new IllegalStateException("mariadbd exited: " + errorLog());
            }
            return exitCode(List.of("mariadb-admin", "--no-defaults", "--socket=" + socket(), "-uroot", "ping"),
                    dir.resolve("ping.log")) == 0;
        });
    }

    private void sql(String statements) {
        run(List.of("mariadb", "--no-defaults", "--socket=" + socket(), "-uroot", "-e", statements), dir.resolve("sql.log"));
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    private Path socket() {
        return dir.resolve("mariadbd.sock");
    }

    private String errorLog() {
        try {
            Path log = dir.resolve("error.log");
            return Files.exists(log) ? Files.readString(log) : "(no error log)";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void run(List<String> command, Path log) {
        int code = exitCode(command, log);
        if (code != 0) {
            try {
                throw new IllegalStateException(command.get(0) + " failed (" + code + "): " + Files.readString(log));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int exitCode(List<String> command, Path log) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String user() {
        return System.getProperty("user.name");
    }

    /** Kills the server if it still runs; the temp directory is the test's to delete. */
    @Override
    public void close() {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
            try {
                server.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
