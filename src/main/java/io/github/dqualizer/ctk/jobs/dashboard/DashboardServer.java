package io.github.dqualizer.ctk.jobs.dashboard;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jobrunr.dashboard.JobRunrSseHandler;
import org.jobrunr.dashboard.JobRunrStaticFileHandler;
import org.jobrunr.dashboard.server.HttpExchangeHandler;
import org.jobrunr.dashboard.server.http.RedirectHttpHandler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Serves JobRunr's dashboard handlers on a configurable address: JobRunr OSS binds its own
 * dashboard to every interface with no way to choose (see docs/adr/0003-dashboard-binding.md).
 */
class DashboardServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);

    private final DashboardProperties properties;
    private final DashboardCredentials credentials;
    private final StorageProvider storage;
    private final JsonMapper jobRunrJson;
    private final RequeueAction requeue;
    private final List<HttpExchangeHandler> handlers = new ArrayList<>();
    private HttpServer server;
    private ExecutorService executor;

    DashboardServer(DashboardProperties properties, DashboardCredentials credentials, StorageProvider storage,
                    JsonMapper jobRunrJson, RequeueAction requeue) {
        this.properties = properties;
        this.credentials = credentials;
        this.storage = storage;
        this.jobRunrJson = jobRunrJson;
        this.requeue = requeue;
    }

    @Override
    public void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(properties.address(), properties.port()), 0);
        } catch (BindException e) {
            throw new DashboardPortInUseException(properties.address(), properties.port(), e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serve the JobRunr dashboard on " + properties.address() + ":"
                    + properties.port(), e);
        }
        register(new RedirectHttpHandler("/", "/dashboard"));
        register(new JobRunrStaticFileHandler());
        register(new RequeueStartsNewRunApiHandler(storage, jobRunrJson, requeue));
        register(new JobRunrSseHandler(storage, jobRunrJson));
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "jobrunr-dashboard");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        log.info("JobRunr dashboard at http://{}:{}/dashboard (basic auth, user '{}')", properties.address(), port(),
                credentials.username());
    }

    int port() {
        return server.getAddress().getPort();
    }

    InetSocketAddress boundAddress() {
        return server.getAddress();
    }

    /** Every context needs the account, even the redirect: "/" also answers every unknown path. */
    private void register(HttpExchangeHandler handler) {
        handlers.add(handler);
        HttpContext context = server.createContext(handler.getContextPath(), handler);
        context.setAuthenticator(new ConstantTimeBasicAuthenticator(credentials));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            handlers.forEach(HttpExchangeHandler::close);
            handlers.clear();
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
