package io.github.dqualizer.ctk.jobs.dashboard;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jobrunr.dashboard.JobRunrApiHandler;
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
    private final StorageProvider storage;
    private final JsonMapper jobRunrJson;
    private final List<HttpExchangeHandler> handlers = new ArrayList<>();
    private HttpServer server;
    private ExecutorService executor;

    DashboardServer(DashboardProperties properties, StorageProvider storage, JsonMapper jobRunrJson) {
        this.properties = properties;
        this.storage = storage;
        this.jobRunrJson = jobRunrJson;
    }

    @Override
    public void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(properties.address(), properties.port()), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serve the JobRunr dashboard on " + properties.address() + ":"
                    + properties.port(), e);
        }
        register(new RedirectHttpHandler("/", "/dashboard"), false);
        register(new JobRunrStaticFileHandler(), true);
        register(new JobRunrApiHandler(storage, jobRunrJson, false), true);
        register(new JobRunrSseHandler(storage, jobRunrJson), true);
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "jobrunr-dashboard");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        log.info("JobRunr dashboard at http://{}:{}/dashboard ({})", properties.address(), port(),
                properties.secured() ? "basic auth" : "no credentials required");
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void register(HttpExchangeHandler handler, boolean secured) {
        handlers.add(handler);
        HttpContext context = server.createContext(handler.getContextPath(), handler);
        if (secured && properties.secured()) {
            context.setAuthenticator(new ConstantTimeBasicAuthenticator(properties.username(), properties.password()));
        }
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

    /** Basic auth for one operator account, compared in constant time. */
    private static final class ConstantTimeBasicAuthenticator extends BasicAuthenticator {

        private final byte[] username;
        private final byte[] password;

        ConstantTimeBasicAuthenticator(String username, String password) {
            super("JobRunr dashboard", StandardCharsets.UTF_8);
            this.username = username.getBytes(StandardCharsets.UTF_8);
            this.password = password.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public boolean checkCredentials(String user, String pass) {
            boolean userOk = MessageDigest.isEqual(username, user.getBytes(StandardCharsets.UTF_8));
            boolean passOk = MessageDigest.isEqual(password, pass.getBytes(StandardCharsets.UTF_8));
            return userOk & passOk;
        }
    }
}
