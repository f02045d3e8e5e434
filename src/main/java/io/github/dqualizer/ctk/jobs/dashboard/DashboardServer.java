package io.github.dqualizer.ctk.jobs.dashboard;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpHandler;
import io.github.dqualizer.ctk.jobs.jobrunr.JobRunrDashboard;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.ChannelBindException;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import org.springframework.context.SmartLifecycle;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Serves JobRunr's dashboard handlers ({@link JobRunrDashboard}) on a configurable address: JobRunr OSS binds its own
 * dashboard to every interface with no way to choose (see docs/adr/0003-dashboard-binding.md). The server is Reactor
 * Netty's, on the event loops the API already runs on: the JDK's HTTP server this used before woke its dispatcher
 * thread every second (a hard-coded select timeout) and ran an idle-connection timer, for each of the two dashboards,
 * on the host the service measures (issue 18). JobRunr's handlers see the JDK's exchange ({@link NettyHttpExchange})
 * and run on the dashboard's own few threads, which end after a minute without requests.
 */
class DashboardServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);
    /** Requests handled at once, as the JDK server's executor of before. */
    private static final int WORKERS = 4;

    private final DashboardProperties properties;
    private final int configuredPort;
    private final boolean hostTables;
    private final String tables;
    private final DashboardCredentials credentials;
    private final Supplier<JobRunrDashboard.Handlers> dashboard;
    private JobRunrDashboard.Handlers handlers;
    // read by Netty's threads for each request
    private volatile Map<String, HttpHandler> routes;
    private volatile Authenticator authenticator;
    private volatile ThreadPoolExecutor workers;
    private DisposableServer server;

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
        handlers = dashboard.get();
        routes = handlers.byContextPath();
        // every context needs the account, even the redirect: "/" also answers every unknown path
        authenticator = new ConstantTimeBasicAuthenticator(credentials);
        workers = new ThreadPoolExecutor(WORKERS, WORKERS, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "jobrunr-dashboard");
            thread.setDaemon(true);
            return thread;
        });
        workers.allowCoreThreadTimeOut(true);
        try {
            server = HttpServer.create().host(properties.address()).port(configuredPort).handle(this::serve).bindNow();
        } catch (ChannelBindException e) {
            release();
            throw new DashboardPortInUseException(properties.address(), configuredPort, hostTables, e);
        } catch (RuntimeException e) {
            release();
            throw new IllegalStateException("Cannot serve the JobRunr dashboard on " + properties.address() + ":"
                    + configuredPort, e);
        }
        log.info("JobRunr dashboard of the {} at http://{}:{}/dashboard (basic auth, user '{}')", tables,
                properties.address(), port(), credentials.username());
    }

    int port() {
        return server.port();
    }

    InetSocketAddress boundAddress() {
        return (InetSocketAddress) server.address();
    }

    @Override
    public void stop() {
        if (server != null) {
            handlers.close(); // ends the open event streams first
            handlers = null;
            server.disposeNow();
            server = null;
            release();
        }
    }

    private void release() {
        if (handlers != null) {
            handlers.close();
            handlers = null;
        }
        workers.shutdownNow();
        workers = null;
    }

    private Publisher<Void> serve(HttpServerRequest request, HttpServerResponse response) {
        URI uri;
        try {
            uri = new URI(request.uri());
        } catch (URISyntaxException e) {
            return response.status(400).send();
        }
        NettyHttpExchange exchange = new NettyHttpExchange(request, uri);
        ThreadPoolExecutor running = workers;
        try {
            if (running == null) {
                throw new RejectedExecutionException("stopped");
            }
            running.execute(() -> handle(exchange));
        } catch (RejectedExecutionException stopping) {
            return response.status(503).send();
        }
        return exchange.headersSent().flatMap(status -> {
            response.status(status);
            exchange.getResponseHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            return response.sendByteArray(exchange.body()).then();
        });
    }

    /** What the JDK's server did for a request: the account check, then the handler of the longest matching path. */
    private void handle(NettyHttpExchange exchange) {
        boolean failed = false;
        try {
            Authenticator.Result result = authenticator.authenticate(exchange);
            if (result instanceof Authenticator.Success success) {
                exchange.setPrincipal(success.getPrincipal());
                handlerOf(exchange.getRequestURI().getPath()).handle(exchange);
            } else if (result instanceof Authenticator.Retry retry) {
                exchange.sendResponseHeaders(retry.getResponseCode(), -1);
            } else if (result instanceof Authenticator.Failure failure) {
                exchange.sendResponseHeaders(failure.getResponseCode(), -1);
            }
        } catch (IOException | RuntimeException e) {
            failed = true;
            log.warn("The JobRunr dashboard's handler for {} failed: {}", exchange.getRequestURI().getPath(), e.toString());
        } finally {
            exchange.finish(failed);
        }
    }

    private HttpHandler handlerOf(String path) {
        String longest = null;
        for (String contextPath : routes.keySet()) {
            if (path != null && path.startsWith(contextPath) && (longest == null || contextPath.length() > longest.length())) {
                longest = contextPath;
            }
        }
        return routes.get(longest == null ? "/" : longest);
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
