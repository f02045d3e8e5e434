package io.github.dqualizer.ctk.jobs.dashboard;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import io.github.dqualizer.ctk.jobs.jobrunr.JobRunrDashboard;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Serves JobRunr's dashboard handlers ({@link JobRunrDashboard}) on a configurable address: JobRunr OSS binds its own
 * dashboard to every interface with no way to choose (see docs/adr/0003-dashboard-binding.md).
 */
class DashboardServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);

    private final DashboardProperties properties;
    private final int configuredPort;
    private final boolean hostTables;
    private final String tables;
    private final DashboardCredentials credentials;
    private final Supplier<JobRunrDashboard.Handlers> dashboard;
    private JobRunrDashboard.Handlers handlers;
    private HttpServer server;
    private ExecutorService executor;

    DashboardServer(DashboardProperties properties, DashboardCredentials credentials, JobRunrDashboard dashboard) {
        this(properties, properties.port(), false, "shared tables", credentials, dashboard::handlers);
    }

    /**
     * @param port   the port of this dashboard ({@code ctk.dashboard.port}, or {@code host-port} for the host's tables)
     * @param hostTables whether it shows the host's own tables (for the message when its port is taken)
     * @param tables which JobRunr tables it shows, for the log
     */
    DashboardServer(DashboardProperties properties, int port, boolean hostTables, String tables,
                    DashboardCredentials credentials, Supplier<JobRunrDashboard.Handlers> dashboard) {
        this.properties = properties;
        this.hostTables = hostTables;
        this.configuredPort = port;
        this.tables = tables;
        this.credentials = credentials;
        this.dashboard = dashboard;
    }

    @Override
    public void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(properties.address(), configuredPort), 0);
        } catch (BindException e) {
            throw new DashboardPortInUseException(properties.address(), configuredPort, hostTables, e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serve the JobRunr dashboard on " + properties.address() + ":"
                    + configuredPort, e);
        }
        handlers = dashboard.get();
        // every context needs the account, even the redirect: "/" also answers every unknown path
        handlers.byContextPath().forEach((path, handler) ->
                server.createContext(path, handler).setAuthenticator(new ConstantTimeBasicAuthenticator(credentials)));
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "jobrunr-dashboard");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        log.info("JobRunr dashboard of the {} at http://{}:{}/dashboard (basic auth, user '{}')", tables,
                properties.address(), port(), credentials.username());
    }

    int port() {
        return server.getAddress().getPort();
    }

    InetSocketAddress boundAddress() {
        return server.getAddress();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            handlers.close();
            handlers = null;
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
